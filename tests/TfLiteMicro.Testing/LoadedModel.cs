using System;
using System.IO;
using System.Runtime.InteropServices;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Testing;

/// <summary>Model bytes copied into 16-byte-aligned native memory and verified; for tests.</summary>
public sealed unsafe class LoadedModel : IDisposable
{
    private byte* bytes;

    public LoadedModel(byte[] data)
    {
        bytes = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, data.Length), 16);
        data.AsSpan().CopyTo(new Span<byte>(bytes, data.Length));
        Length = data.Length;
        ErrorReporter errors = new ErrorReporter();
        Status status = Model.TryCreate(bytes, data.Length, errors, out Model model);
        if (status != Status.Ok) throw new InvalidDataException("model does not verify: " + errors.MessageText);
        Model = model;
    }

    public static LoadedModel FromFile(string path) => new LoadedModel(File.ReadAllBytes(path));

    /// <summary>Test model <paramref name="id"/> (see <see cref="TestData"/>).</summary>
    public static LoadedModel Shared(string id) => FromFile(TestData.ModelFile(id));

    public Model Model { get; }
    public int Length { get; }
    public byte* Pointer => bytes;

    public void Dispose()
    {
        if (bytes != null)
        {
            NativeMemory.AlignedFree(bytes);
            bytes = null;
        }
    }
}
