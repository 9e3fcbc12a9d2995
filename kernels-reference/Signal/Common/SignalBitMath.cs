namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Integer helpers of TFLM's signal library (signal/src/msb_32.cc, msb_64.cc, square_root_32.cc,
/// square_root_64.cc), with the behaviour of the GCC/Clang builds TFLM is tested with.
/// </summary>
public static class SignalBitMath
{
    /// <summary>
    /// Number of bits needed to hold <paramref name="x"/> (1-based position of the top set bit). Quirk kept from
    /// the <c>__builtin_clz</c> build: zero gives 32, not 0.
    /// </summary>
    public static int MostSignificantBit32(uint x)
    {
        if (x == 0) return 32;
        int bits = 0;
        while (x != 0)
        {
            x >>= 1;
            bits++;
        }
        return bits;
    }

    /// <summary>64-bit variant; zero gives 64.</summary>
    public static int MostSignificantBit64(ulong x)
    {
        if (x == 0) return 64;
        int bits = 0;
        while (x != 0)
        {
            x >>= 1;
            bits++;
        }
        return bits;
    }

    /// <summary>Rounded integer square root by the bit-by-bit method; results saturate at 0xFFFF.</summary>
    public static ushort Sqrt32(uint num)
    {
        if (num == 0) return 0;
        uint result = 0;
        int maxBitNumber = 32 - MostSignificantBit32(num);
        maxBitNumber |= 1;
        uint bit = 1u << (31 - maxBitNumber);
        int iterations = (31 - maxBitNumber) / 2 + 1;
        while (iterations-- > 0)
        {
            if (num >= result + bit)
            {
                num -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }
            bit >>= 2;
        }
        // Round up when the remainder says so, unless that would overflow 16 bits.
        if (num > result && result != 0xFFFF) ++result;
        return (ushort)result;
    }

    /// <summary>
    /// 64-bit rounded square root. Like TFLM it takes the 32-bit path whenever the upper word is zero (slightly
    /// different rounding just below 2^32 — kept for bit-exactness).
    /// </summary>
    public static uint Sqrt64(ulong num)
    {
        if ((num >> 32) == 0) return Sqrt32((uint)num);
        ulong result = 0;
        int maxBitNumber = 64 - MostSignificantBit64(num);
        maxBitNumber |= 1;
        ulong bit = 1UL << (63 - maxBitNumber);
        int iterations = (63 - maxBitNumber) / 2 + 1;
        while (iterations-- > 0)
        {
            if (num >= result + bit)
            {
                num -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }
            bit >>= 2;
        }
        if (num > result && result != 0xFFFF_FFFFUL) ++result;
        return (uint)result;
    }
}
