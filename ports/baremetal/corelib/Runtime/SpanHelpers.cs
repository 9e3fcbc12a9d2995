using System.Runtime;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// Block memory operations. Memmove, Fill and ClearWithoutReferences are the names ilc maps the JIT's
/// memcpy/memset helpers to (struct copies, initblk, cpblk); they forward to the C library.
/// </summary>
internal static unsafe class SpanHelpers
{
    internal static void Memmove(ref byte destination, ref byte source, nuint byteCount) =>
        PlatformImports.memmove(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref source), byteCount);

    internal static void Fill(ref byte destination, byte value, nuint byteCount) =>
        PlatformImports.memset(Unsafe.AsPointer(ref destination), value, byteCount);

    internal static void ClearWithoutReferences(ref byte destination, nuint byteCount) =>
        PlatformImports.memset(Unsafe.AsPointer(ref destination), 0, byteCount);

    // The same operations under the runtime symbols the ARM32 code generator calls for block copies and clears.
    [RuntimeExport("RhSpanHelpers_MemCopy")]
    private static void MemCopy(byte* destination, byte* source, nuint byteCount) =>
        PlatformImports.memmove(destination, source, byteCount);

    [RuntimeExport("RhSpanHelpers_MemSet")]
    private static void MemSet(byte* destination, byte value, nuint byteCount) =>
        PlatformImports.memset(destination, value, byteCount);

    [RuntimeExport("RhSpanHelpers_MemZero")]
    private static void MemZero(byte* destination, nuint byteCount) => PlatformImports.memset(destination, 0, byteCount);

    /// <summary>Element-wise copy that is correct for overlapping ranges (Span.CopyTo's contract).</summary>
    internal static void Move<T>(ref T destination, ref T source, nuint elementCount)
    {
        if (elementCount == 0 || Unsafe.AreSame(ref destination, ref source)) return;
        if (Unsafe.IsAddressLessThan(ref destination, ref source))
        {
            for (nuint i = 0; i < elementCount; i++)
            {
                Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            }
        }
        else
        {
            for (nuint i = elementCount; i > 0; i--)
            {
                Unsafe.Add(ref destination, i - 1) = Unsafe.Add(ref source, i - 1);
            }
        }
    }
}
