using System.Runtime;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// Single-precision math. Sqrt and Abs are hardware instructions on an FPv4-SP FPU (the JIT expands them); the
/// transcendental and rounding functions call the C library's float versions (newlib's libm: expf, logf, ...),
/// so a device image links with -lm. Those may differ from the host's result in the last bit, which matters
/// only where a kernel uses them at Eval time; TFLM does the same (it calls the C library too).
/// </summary>
public static class MathF
{
    public const float E = 2.71828183f;
    public const float PI = 3.14159265f;
    public const float Tau = 6.28318531f;

    public static float Abs(float x) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) & 0x7FFFFFFF);

    [Intrinsic]
    public static float Sqrt(float x) => PlatformImports.sqrtf(x);

    /// <summary>Like the BCL: NaN if either input is NaN, and +0 is larger than -0.</summary>
    public static float Max(float x, float y)
    {
        if (x != y) return float.IsNaN(x) ? x : (y < x ? x : y);
        return float.IsNegative(y) ? x : y;
    }

    /// <summary>Like the BCL: NaN if either input is NaN, and -0 is smaller than +0.</summary>
    public static float Min(float x, float y)
    {
        if (x != y) return float.IsNaN(x) ? x : (x < y ? x : y);
        return float.IsNegative(x) ? x : y;
    }

    public static int Sign(float x)
    {
        if (x < 0) return -1;
        if (x > 0) return 1;
        if (x == 0) return 0;
        RuntimeFailure.Stop("Function does not accept floating point Not-a-Number values."u8);
        return 0;
    }

    public static float CopySign(float x, float y) =>
        BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(x) & 0x7FFFFFFF)
            | (BitConverter.SingleToInt32Bits(y) & unchecked((int)0x80000000)));

    public static float Floor(float x) => PlatformImports.floorf(x);

    public static float Ceiling(float x) => PlatformImports.ceilf(x);

    public static float Truncate(float x) => PlatformImports.truncf(x);

    /// <summary>Rounds half to even, like the BCL (rintf in the default rounding mode).</summary>
    public static float Round(float x) => PlatformImports.rintf(x);

    /// <summary><see cref="MidpointRounding.AwayFromZero"/> is C's roundf, i.e. TFLM's TfLiteRound.</summary>
    public static float Round(float x, MidpointRounding mode)
    {
        switch (mode)
        {
            case MidpointRounding.ToEven: return PlatformImports.rintf(x);
            case MidpointRounding.AwayFromZero: return PlatformImports.roundf(x);
            case MidpointRounding.ToZero: return PlatformImports.truncf(x);
            case MidpointRounding.ToNegativeInfinity: return PlatformImports.floorf(x);
            case MidpointRounding.ToPositiveInfinity: return PlatformImports.ceilf(x);
            default:
                ThrowHelper.ArgumentOutOfRange();
                return x;
        }
    }

    public static float Exp(float x) => PlatformImports.expf(x);

    public static float Log(float x) => PlatformImports.logf(x);

    public static float Tanh(float x) => PlatformImports.tanhf(x);

    public static float Pow(float x, float y) => PlatformImports.powf(x, y);
}
