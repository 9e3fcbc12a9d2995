using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// ilc 9 routes 64-bit division and modulo here (ilc 10 uses System.Math.DivInt64 etc., see Math.Division.cs);
/// both forward to the board's C helpers. Divide-by-zero and overflow checks are the JIT's, before the call.
/// The ARM32 code generator also calls a helper for every 32-bit division and modulo (it does not assume the
/// core has SDIV/UDIV); the board's C code has them, and Cortex-M3 and later do them in one instruction.
/// </summary>
internal static class MathHelpers
{
    private static int IDiv(int dividend, int divisor) => PlatformImports.DivInt32(dividend, divisor);

    private static uint UDiv(uint dividend, uint divisor) => PlatformImports.DivUInt32(dividend, divisor);

    private static int IMod(int dividend, int divisor) => PlatformImports.ModInt32(dividend, divisor);

    private static uint UMod(uint dividend, uint divisor) => PlatformImports.ModUInt32(dividend, divisor);

    private static long LDiv(long dividend, long divisor) => PlatformImports.DivInt64(dividend, divisor);

    private static ulong ULDiv(ulong dividend, ulong divisor) => PlatformImports.DivUInt64(dividend, divisor);

    private static long LMod(long dividend, long divisor) => PlatformImports.ModInt64(dividend, divisor);

    private static ulong ULMod(ulong dividend, ulong divisor) => PlatformImports.ModUInt64(dividend, divisor);
}
