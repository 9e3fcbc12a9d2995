namespace System;

/// <summary>
/// The <c>long</c> primitive. 64-bit multiply, divide and modulo become helper calls on 32-bit Cortex-M (see
/// Runtime/MathHelpers.cs); prefer 32-bit arithmetic in inner loops.
/// </summary>
public readonly struct Int64
{
    public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
    public const long MinValue = unchecked((long)0x8000000000000000);
}
