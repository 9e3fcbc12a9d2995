using System;
using System.IO;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Schema;

/// <summary>
/// Host-only: a 16-byte-aligned native copy of model bytes (from an array or a file) that stays at a fixed
/// address, as <see cref="Model"/> needs. Dispose frees it; models read from it must not be used afterwards.
/// </summary>
public sealed unsafe class ModelBuffer : IDisposable
{
    /// <summary>Alignment of the copy (TFLM asks for 16-byte aligned model data).</summary>
    public const int Alignment = 16;

    private byte* pointer;

    public ModelBuffer(ReadOnlySpan<byte> bytes)
    {
        Length = bytes.Length;
        // Allocate at least one byte so an empty input still has a valid, freeable address.
        pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes.Length, 1), Alignment);
        bytes.CopyTo(new Span<byte>(pointer, bytes.Length));
    }

    public static ModelBuffer FromFile(string path) => new ModelBuffer(File.ReadAllBytes(path));

    public byte* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(pointer == null, this);
            return pointer;
        }
    }

    public int Length { get; }

    /// <summary>The bytes, writable (tests patch models through it).</summary>
    public Span<byte> Span => new Span<byte>(Pointer, Length);

    /// <summary>Verifies the bytes and wraps them in a <see cref="Model"/> (see <see cref="Model.TryCreate"/>).</summary>
    public Status TryLoadModel(ErrorReporter errors, out Model model) => Model.TryCreate(Pointer, Length, errors, out model);

    public void Dispose()
    {
        if (pointer != null)
        {
            NativeMemory.AlignedFree(pointer);
            pointer = null;
        }
        GC.SuppressFinalize(this);
    }

    ~ModelBuffer()
    {
        if (pointer != null) NativeMemory.AlignedFree(pointer);
    }
}
