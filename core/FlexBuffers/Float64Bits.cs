namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// Conversions of IEEE-754 binary64 values given as raw bits, done with integer instructions only: FlexBuffers
/// stores some floats as 8-byte doubles, and a Cortex-M4F has no double-precision unit.
/// </summary>
public static class Float64Bits
{
    private const ulong SignMask = 0x8000_0000_0000_0000UL;
    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const int ExponentBias = 1023;
    private const int FloatExponentBias = 127;

    /// <summary>
    /// Correctly rounded narrowing (round to nearest, ties to even), as C++ <c>static_cast&lt;float&gt;(double)</c>:
    /// overflow gives infinity, tiny values become float subnormals or zero, NaN stays NaN.
    /// </summary>
    public static float ToSingle(ulong bits)
    {
        uint sign = (uint)(bits >> 32) & 0x8000_0000u;
        int exponent = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = bits & MantissaMask;
        if (exponent == 0x7FF)
        {
            // Infinity keeps a zero mantissa; a NaN keeps its top payload bits and is made quiet.
            uint floatBits = mantissa == 0 ? 0x7F80_0000u : 0x7FC0_0000u | (uint)(mantissa >> 29);
            return System.BitConverter.UInt32BitsToSingle(sign | floatBits);
        }
        // Double subnormals (and zero) are far below the smallest float subnormal (2^-149): they round to zero.
        if (exponent == 0) return System.BitConverter.UInt32BitsToSingle(sign);

        ulong significand = mantissa | (1UL << 52);
        int floatExponent = exponent - ExponentBias + FloatExponentBias;
        if (floatExponent >= 0xFF) return System.BitConverter.UInt32BitsToSingle(sign | 0x7F80_0000u);
        if (floatExponent >= 1)
        {
            ulong kept = RoundShiftRight(significand, 52 - 23);
            if (kept == 1UL << 24)
            {
                kept >>= 1;
                floatExponent++;
                if (floatExponent >= 0xFF) return System.BitConverter.UInt32BitsToSingle(sign | 0x7F80_0000u);
            }
            return System.BitConverter.UInt32BitsToSingle(sign | ((uint)floatExponent << 23) | ((uint)kept & 0x7F_FFFFu));
        }
        // Float subnormal: count units of 2^-149. value = significand * 2^(exponent - 1023 - 52).
        int shift = 52 - (exponent - ExponentBias) - 149;
        if (shift > 54) return System.BitConverter.UInt32BitsToSingle(sign);
        // A carry into bit 23 yields the smallest normal float, which the plain encoding already represents.
        return System.BitConverter.UInt32BitsToSingle(sign | (uint)RoundShiftRight(significand, shift));
    }

    /// <summary>
    /// Truncation toward zero, as C++ <c>static_cast&lt;int64_t&gt;(double)</c>; false for NaN, infinity and
    /// values outside the long range (undefined behaviour in C++).
    /// </summary>
    public static bool TryTruncateToInt64(ulong bits, out long value)
    {
        value = 0;
        bool negative = (bits & SignMask) != 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0x7FF) return false;
        int power = exponent - ExponentBias;
        if (power < 0) return true;
        ulong significand = (bits & MantissaMask) | (1UL << 52);
        if (power >= 63)
        {
            // Only -2^63 itself fits.
            if (negative && power == 63 && (bits & MantissaMask) == 0)
            {
                value = long.MinValue;
                return true;
            }
            return false;
        }
        ulong magnitude = power >= 52 ? significand << (power - 52) : significand >> (52 - power);
        value = negative ? -(long)magnitude : (long)magnitude;
        return true;
    }

    /// <summary>Shifts right by 1..63 bits rounding to nearest, ties to even.</summary>
    private static ulong RoundShiftRight(ulong value, int shift)
    {
        ulong kept = value >> shift;
        ulong remainder = value & ((1UL << shift) - 1);
        ulong half = 1UL << (shift - 1);
        if (remainder > half || (remainder == half && (kept & 1) != 0)) kept++;
        return kept;
    }
}
