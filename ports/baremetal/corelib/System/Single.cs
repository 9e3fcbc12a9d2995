namespace System;

/// <summary>
/// The <c>float</c> primitive with the classification helpers kernels need. Implemented on the bit pattern so
/// they cost a few integer instructions and no FPU compare.
/// </summary>
public readonly struct Single
{
    public const float MinValue = -3.40282347E+38f;
    public const float MaxValue = 3.40282347E+38f;
    public const float Epsilon = 1.401298E-45f;
    public const float NaN = 0.0f / 0.0f;
    public const float PositiveInfinity = 1.0f / 0.0f;
    public const float NegativeInfinity = -1.0f / 0.0f;
    public const float NegativeZero = -0.0f;
    public const float E = 2.71828183f;
    public const float Pi = 3.14159265f;
    public const float Tau = 6.28318531f;

    private const int ExponentMask = 0x7F800000;
    private const int SignificandMask = 0x007FFFFF;

    public static bool IsNaN(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF;
        return bits > ExponentMask;
    }

    public static bool IsInfinity(float f) => (BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF) == ExponentMask;

    public static bool IsPositiveInfinity(float f) => BitConverter.SingleToInt32Bits(f) == ExponentMask;

    public static bool IsNegativeInfinity(float f) => BitConverter.SingleToInt32Bits(f) == unchecked((int)0xFF800000);

    public static bool IsFinite(float f) => (BitConverter.SingleToInt32Bits(f) & ExponentMask) != ExponentMask;

    public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;

    public static bool IsNormal(float f)
    {
        int exponent = BitConverter.SingleToInt32Bits(f) & ExponentMask;
        return exponent != 0 && exponent != ExponentMask;
    }

    public static bool IsSubnormal(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        return (bits & ExponentMask) == 0 && (bits & SignificandMask) != 0;
    }
}
