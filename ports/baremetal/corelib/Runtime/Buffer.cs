using System.Runtime.CompilerServices;

namespace System;

/// <summary>Holds the struct-copy helper ilc roots (copies of structs containing references).</summary>
public static class Buffer
{
    // No GC, so no write barriers: a plain overlapping-safe copy.
    internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
        SpanHelpers.Memmove(ref destination, ref source, byteCount);
}
