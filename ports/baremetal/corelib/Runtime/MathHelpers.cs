using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// ilc 9 routes 64-bit division and modulo here (ilc 10 uses System.Math.DivInt64 etc., see Math.Division.cs);
/// both forward to the board's C helpers. Divide-by-zero and overflow checks are the JIT's, before the call.
/// </summary>
internal static class MathHelpers
{
    private static long LDiv(long dividend, long divisor) => PlatformImports.DivInt64(dividend, divisor);

    private static ulong ULDiv(ulong dividend, ulong divisor) => PlatformImports.DivUInt64(dividend, divisor);

    private static long LMod(long dividend, long divisor) => PlatformImports.ModInt64(dividend, divisor);

    private static ulong ULMod(ulong dividend, ulong divisor) => PlatformImports.ModUInt64(dividend, divisor);
}
