using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Memory;

/// <summary>
/// A 16-byte-aligned block of unmanaged memory to use as an arena on the host (on a device the arena is a static
/// buffer). The GC never moves it, so tensor pointers into it stay valid.
/// </summary>
public sealed unsafe class NativeArena : IDisposable
{
    private byte* pointer;

    public NativeArena(int sizeBytes)
    {
        if (sizeBytes <= 0) throw new ArgumentOutOfRangeException(nameof(sizeBytes), "arena size must be positive");
        pointer = (byte*)NativeMemory.AlignedAlloc((nuint)sizeBytes, ArenaAlignment.BufferAlignment);
        Size = sizeBytes;
        NativeMemory.Clear(pointer, (nuint)sizeBytes);
    }

    public byte* Pointer => pointer != null ? pointer : throw new ObjectDisposedException(nameof(NativeArena));

    public int Size { get; }

    public void Dispose()
    {
        if (pointer != null)
        {
            NativeMemory.AlignedFree(pointer);
            pointer = null;
        }
    }
}
