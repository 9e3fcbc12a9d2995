namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// IEEE-754 binary16 ("half", TFLite's FLOAT16) ↔ binary32 conversions on raw bits, with integer instructions only
/// (no double, no F16C/FPU half support needed), so they run the same on every host and on a Cortex-M.
/// <para>
/// Half → float is exact: every half value (normal, subnormal, ±0, ±∞) is a float. A NaN keeps its sign and payload
/// (shifted into the top of the float mantissa) and comes out quiet, as a hardware conversion (x86 F16C, Arm VCVT)
/// and the FP16 library's value conversion used by TFLite's CAST give it.
/// Float → half rounds to nearest, ties to even (TFLite's CAST via <c>fp16_ieee_from_fp32_value</c>): overflow gives
/// ±∞, values below half the smallest subnormal give ±0, NaN stays a quiet NaN.
/// </para>
/// </summary>
public static class Float16Bits
{
    private const int HalfMantissaBits = 10;
    private const int FloatMantissaBits = 23;
    /// <summary>Float exponent bias (127) minus half exponent bias (15).</summary>
    private const int BiasDifference = 112;
    private const uint FloatQuietBit = 0x0040_0000u;

    public static float ToSingle(ushort half) => System.BitConverter.UInt32BitsToSingle(ToSingleBits(half));

    public static uint ToSingleBits(ushort half)
    {
        uint sign = (uint)(half & 0x8000) << 16;
        int exponent = (half >> HalfMantissaBits) & 0x1F;
        uint mantissa = (uint)half & 0x3FF;
        if (exponent == 0x1F)
        {
            // Infinity (mantissa 0) or NaN (payload kept, made quiet).
            uint nan = mantissa != 0 ? FloatQuietBit : 0u;
            return sign | 0x7F80_0000u | nan | (mantissa << (FloatMantissaBits - HalfMantissaBits));
        }
        if (exponent != 0)
        {
            return sign | ((uint)(exponent + BiasDifference) << FloatMantissaBits) | (mantissa << (FloatMantissaBits - HalfMantissaBits));
        }
        if (mantissa == 0) return sign;
        // Subnormal: mantissa × 2^-24. Shift the leading one up to the implicit-bit position (bit 10); each shift
        // lowers the exponent by one from that of the smallest normal half (2^-14, float biased exponent 113).
        int floatExponent = BiasDifference + 1;
        while ((mantissa & 0x400) == 0)
        {
            mantissa <<= 1;
            floatExponent--;
        }
        return sign | ((uint)floatExponent << FloatMantissaBits) | ((mantissa & 0x3FF) << (FloatMantissaBits - HalfMantissaBits));
    }

    public static ushort FromSingle(float value) => FromSingleBits(System.BitConverter.SingleToUInt32Bits(value));

    public static ushort FromSingleBits(uint bits)
    {
        uint sign = (bits >> 16) & 0x8000;
        int exponent = (int)((bits >> FloatMantissaBits) & 0xFF);
        uint mantissa = bits & 0x7F_FFFF;
        if (exponent == 0xFF)
        {
            // Infinity, or NaN: keep the top payload bits and make it quiet.
            return (ushort)(sign | 0x7C00 | (mantissa != 0 ? 0x200u | (mantissa >> (FloatMantissaBits - HalfMantissaBits)) : 0u));
        }
        int halfExponent = exponent - BiasDifference;
        if (halfExponent >= 0x1F) return (ushort)(sign | 0x7C00);
        if (halfExponent >= 1)
        {
            // Normal: drop 13 mantissa bits with round-to-nearest-even; a carry may bump the exponent (up to ∞).
            uint combined = ((uint)halfExponent << HalfMantissaBits) | (mantissa >> (FloatMantissaBits - HalfMantissaBits));
            return (ushort)(sign | RoundDropped(combined, mantissa, FloatMantissaBits - HalfMantissaBits));
        }
        // Subnormal half (or zero): the value is significand × 2^(exponent - 150); the half unit is 2^-24.
        if (exponent == 0) return (ushort)sign; // float subnormals are far below 2^-25
        int shift = (FloatMantissaBits - HalfMantissaBits) + 1 - halfExponent; // 14 .. for halfExponent <= 0
        if (shift > 24) return (ushort)sign; // below half of the smallest subnormal, even after rounding
        uint significand = mantissa | 0x80_0000u;
        return (ushort)(sign | RoundDropped(significand >> shift, significand, shift));
    }

    /// <summary>
    /// <paramref name="kept"/> is <paramref name="source"/> shifted right by <paramref name="dropped"/> bits (with any
    /// higher bits already merged in); adds one when the dropped bits exceed half, or equal half and kept is odd.
    /// </summary>
    private static uint RoundDropped(uint kept, uint source, int dropped)
    {
        uint mask = (1u << dropped) - 1;
        uint remainder = source & mask;
        uint half = 1u << (dropped - 1);
        if (remainder > half || (remainder == half && (kept & 1) != 0)) kept++;
        return kept;
    }
}
