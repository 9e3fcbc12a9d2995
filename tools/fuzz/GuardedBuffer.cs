using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Native memory with an inaccessible page right before and right after it (Linux: mmap + mprotect through libc),
/// so that a read or write past either end faults at once instead of silently touching other memory. The usable
/// bytes end as close to the upper guard page as <see cref="Alignment"/> allows. <see cref="MakeReadOnly"/> turns
/// the bytes read-only (the model: a kernel writing into it faults). Elsewhere, plain unguarded native memory.
/// </summary>
public sealed unsafe class GuardedBuffer : IDisposable
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    private static readonly nuint PageSize = (nuint)Environment.SystemPageSize;

    private byte* region;
    private nuint regionBytes;
    private byte* pages;
    private nuint pageBytes;

    /// <param name="size">Usable bytes (at least 1 is allocated).</param>
    /// <param name="alignment">Power of two the start must be aligned to; the end lies within alignment - 1 bytes of the guard.</param>
    public GuardedBuffer(int size, int alignment)
    {
        Size = size;
        Alignment = alignment;
        nuint usable = (nuint)Math.Max(size, 1);
        if (IsSupported)
        {
            pageBytes = (usable + (nuint)alignment + PageSize - 1) / PageSize * PageSize;
            regionBytes = pageBytes + 2 * PageSize;
            void* mapped = mmap(null, regionBytes, ProtNone, MapPrivate | MapAnonymous, -1, 0);
            if (mapped == (void*)-1) throw new OutOfMemoryException("mmap of " + regionBytes + " bytes failed");
            region = (byte*)mapped;
            pages = region + PageSize;
            if (mprotect(pages, pageBytes, ProtRead | ProtWrite) != 0) throw new InvalidOperationException("mprotect failed");
            Pointer = (byte*)(((nuint)(pages + pageBytes) - usable) & ~(nuint)(alignment - 1));
        }
        else
        {
            regionBytes = usable;
            region = (byte*)NativeMemory.AlignedAlloc(usable, (nuint)alignment);
            Pointer = region;
        }
    }

    /// <summary>Guard pages need Linux (mmap/mprotect from libc); elsewhere the memory is unguarded.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    public byte* Pointer { get; }

    public int Size { get; }

    public int Alignment { get; }

    public Span<byte> Span => new Span<byte>(Pointer, Size);

    public void MakeReadOnly()
    {
        if (IsSupported && mprotect(pages, pageBytes, ProtRead) != 0) throw new InvalidOperationException("mprotect failed");
    }

    public void Dispose()
    {
        if (region == null) return;
        if (IsSupported) munmap(region, regionBytes);
        else NativeMemory.AlignedFree(region);
        region = null;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(void* address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(void* address, nuint length);
}
