using System.Runtime;

namespace System;

/// <summary>The 64-bit division helpers ilc 10 routes to (32-bit Cortex-M has no 64-bit divide instruction).</summary>
public static partial class Math
{
    internal static long DivInt64(long dividend, long divisor) => PlatformImports.DivInt64(dividend, divisor);

    internal static ulong DivUInt64(ulong dividend, ulong divisor) => PlatformImports.DivUInt64(dividend, divisor);

    internal static long ModInt64(long dividend, long divisor) => PlatformImports.ModInt64(dividend, divisor);

    internal static ulong ModUInt64(ulong dividend, ulong divisor) => PlatformImports.ModUInt64(dividend, divisor);
}
