using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Single-precision functions the bare-metal core library does not provide (its <c>MathF</c> has Sqrt, Exp, Log,
/// Floor, Ceiling but no Sin/Cos), written with float and integer arithmetic only, plus the few places where a
/// kernel must reproduce a C++ <c>double</c> expression exactly (with <see cref="SoftDouble"/>).
/// </summary>
/// <remarks>
/// Sin/Cos: Payne–Hanek argument reduction in integer arithmetic against 256 bits of 2/π (exact to better
/// than 2^-60 for every float), then the Taylor polynomials of sin and cos to degree 13/14 on [-π/4, π/4]
/// evaluated in float. The result is within about one ulp of the correctly rounded value for every input
/// (the C library's <c>sinf</c>/<c>cosf</c>, which TFLM calls, are too; they may differ from this in the last bit).
/// </remarks>
public static class FloatMath
{
    // sin(r) = r + r^3 (S1 + z (S2 + z (S3 + z (S4 + z (S5 + z S6))))), z = r^2: Taylor coefficients 1/(2k+1)!.
    private const float S1 = -1.66666672e-01f;
    private const float S2 = 8.33333377e-03f;
    private const float S3 = -1.98412701e-04f;
    private const float S4 = 2.75573192e-06f;
    private const float S5 = -2.50521084e-08f;
    private const float S6 = 1.60590438e-10f;

    // cos(r) = 1 - z/2 + z^2 (C1 + z (C2 + z (C3 + z (C4 + z (C5 + z C6))))): Taylor coefficients 1/(2k)!.
    private const float C1 = 4.16666679e-02f;
    private const float C2 = -1.38888892e-03f;
    private const float C3 = 2.48015876e-05f;
    private const float C4 = -2.75573194e-07f;
    private const float C5 = 2.08767570e-09f;
    private const float C6 = -1.14707456e-11f;

    /// <summary>Largest float below π/4: arguments up to here need no reduction.</summary>
    private const float QuarterPi = 0.785398126f;

    /// <summary>π/2 · 2^62, rounded to nearest (0x6487ED51_10B4611A).</summary>
    internal const ulong HalfPiQ62 = 0x6487ED5110B4611AUL;

    /// <summary>
    /// The binary digits of 2/π after the point, 32 per word, most significant first
    /// (2/π = 0.A2F9836E 4E441529 FC2757D1 ... in hexadecimal).
    /// </summary>
    internal static ReadOnlySpan<uint> TwoOverPiBits => new uint[]
    {
        0xA2F9836Eu, 0x4E441529u, 0xFC2757D1u, 0xF534DDC0u, 0xDB629599u, 0x3C439041u, 0xFE5163ABu, 0xDEBBC561u,
    };

    /// <summary>sin(x) for float32.</summary>
    public static float Sin(float x)
    {
        uint bits = SingleBits(x);
        uint magnitudeBits = bits & 0x7FFFFFFFu;
        if (magnitudeBits >= 0x7F800000u) return x - x; // NaN stays NaN; ±inf gives NaN
        float magnitude = FromBits(magnitudeBits);
        bool negative = (bits & 0x80000000u) != 0;
        float result;
        if (magnitude <= QuarterPi)
        {
            result = SinKernel(magnitude);
        }
        else
        {
            int quadrant = ReduceHalfPi(magnitudeBits, out float r);
            switch (quadrant)
            {
                case 0: result = SinKernel(r); break;
                case 1: result = CosKernel(r); break;
                case 2: result = -SinKernel(r); break;
                default: result = -CosKernel(r); break;
            }
        }
        return negative ? -result : result;
    }

    /// <summary>cos(x) for float32.</summary>
    public static float Cos(float x)
    {
        uint magnitudeBits = SingleBits(x) & 0x7FFFFFFFu;
        if (magnitudeBits >= 0x7F800000u) return x - x;
        float magnitude = FromBits(magnitudeBits);
        if (magnitude <= QuarterPi) return CosKernel(magnitude);
        int quadrant = ReduceHalfPi(magnitudeBits, out float r);
        switch (quadrant)
        {
            case 0: return CosKernel(r);
            case 1: return -SinKernel(r);
            case 2: return -CosKernel(r);
            default: return SinKernel(r);
        }
    }

    /// <summary>
    /// C <c>fmodf</c>: x - trunc(x / y) · y, computed exactly (the result is always representable). NaN when x is
    /// infinite, y is zero or either is NaN; x when y is infinite.
    /// </summary>
    public static float Fmod(float x, float y)
    {
        uint xBits = SingleBits(x);
        uint yBits = SingleBits(y) & 0x7FFFFFFFu;
        uint xMagnitude = xBits & 0x7FFFFFFFu;
        uint sign = xBits & 0x80000000u;
        if (xMagnitude >= 0x7F800000u || yBits == 0 || yBits > 0x7F800000u) return (x * y) / (x * y);
        if (yBits == 0x7F800000u || xMagnitude < yBits) return x;
        if (xMagnitude == yBits) return FromBits(sign); // signed zero

        // Unpack both to integer significands with unbiased exponents (subnormals normalised).
        int xExponent = Unpack(xMagnitude, out uint xSignificand);
        int yExponent = Unpack(yBits, out uint ySignificand);

        // Long division one exponent step at a time: the remainder always stays below 2 · ySignificand < 2^25.
        uint remainder = xSignificand;
        for (int step = xExponent - yExponent; step > 0; step--)
        {
            if (remainder >= ySignificand) remainder -= ySignificand;
            remainder <<= 1;
        }
        if (remainder >= ySignificand) remainder -= ySignificand;
        if (remainder == 0) return FromBits(sign);
        return FromBits(sign | Pack(remainder, yExponent));
    }

    /// <summary>
    /// TFLM's <c>RoundToNearest</c> (reference round.h): floor, then up when the fraction is above one half or
    /// exactly one half with an odd floor — round half to even.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RoundHalfToEven(float value)
    {
        float floorValue = Floor(value);
        float difference = value - floorValue;
        if (difference < 0.5f || (difference == 0.5f && IsEven(floorValue))) return floorValue;
        return floorValue + 1.0f;
    }

    /// <summary>C <c>floorf</c>, exact, by clearing fraction bits.</summary>
    public static float Floor(float value)
    {
        uint bits = SingleBits(value);
        int exponent = (int)((bits >> 23) & 0xFF) - 127;
        if (exponent >= 23) return value; // integral, infinite or NaN
        bool negative = (bits & 0x80000000u) != 0;
        if (exponent < 0)
        {
            // |value| < 1: 0 keeps its sign; other negatives floor to -1, positives to +0.
            if ((bits & 0x7FFFFFFFu) == 0) return value;
            return negative ? -1.0f : 0.0f;
        }
        uint fractionMask = 0x007FFFFFu >> exponent;
        if ((bits & fractionMask) == 0) return value;
        float truncated = FromBits(bits & ~fractionMask);
        return negative ? truncated - 1.0f : truncated;
    }

    /// <summary>C <c>ceilf</c>, exact: -floor(-x).</summary>
    public static float Ceiling(float value) => -Floor(-value);

    /// <summary>
    /// C++ <c>sqrt(double)</c>, correctly rounded, on a <see cref="SoftDouble"/> (for Prepare-time multipliers
    /// such as RSQRT's 1 / (sqrt(input scale) · output scale)).
    /// </summary>
    public static SoftDouble Sqrt(SoftDouble value)
    {
        if (value.IsNaN || value.IsZero) return value;
        if (value.IsNegative) return SoftDouble.NaN;
        if (value.IsInfinity) return value;

        ulong bits = value.Bits;
        int biased = (int)(bits >> 52);
        ulong significand = bits & 0x000FFFFFFFFFFFFFUL;
        int exponent;
        if (biased == 0)
        {
            // Subnormal: normalise so bit 52 is set.
            exponent = -1074;
            while ((significand & (1UL << 52)) == 0)
            {
                significand <<= 1;
                exponent--;
            }
        }
        else
        {
            significand |= 1UL << 52;
            exponent = biased - 1075;
        }
        // value = significand · 2^exponent; make the exponent even so the root halves it exactly.
        if ((exponent & 1) != 0)
        {
            significand <<= 1;
            exponent--;
        }

        // Integer square root of significand · 2^56, bit by bit: 55 result bits in [2^54, 2^55).
        ulong root = 0;
        ulong remainder = 0;
        for (int pair = 54; pair >= 0; pair--)
        {
            int bitPosition = 2 * pair - 56;
            ulong twoBits = bitPosition >= 0 ? (significand >> bitPosition) & 3UL : 0UL;
            remainder = (remainder << 2) | twoBits;
            ulong trial = (root << 2) | 1UL;
            root <<= 1;
            if (remainder >= trial)
            {
                remainder -= trial;
                root |= 1UL;
            }
        }

        // Keep 53 bits; the two below decide the rounding (a square root is never exactly halfway).
        ulong result = root >> 2;
        ulong guard = (root >> 1) & 1UL;
        ulong roundBit = root & 1UL;
        bool sticky = roundBit != 0 || remainder != 0;
        if (guard != 0 && (sticky || (result & 1UL) != 0)) result++;
        int resultExponent = exponent / 2 - 26; // sqrt = result · 2^(exponent/2 - 26)
        if (result == 1UL << 53)
        {
            result >>= 1;
            resultExponent++;
        }
        ulong biasedResult = (ulong)(resultExponent + 52 + 1023);
        return SoftDouble.FromBits((biasedResult << 52) | (result & 0x000FFFFFFFFFFFFFUL));
    }

    /// <summary>
    /// TFLM's float FLOOR_DIV: <c>floor(double(a) / double(b))</c> narrowed to float, reproduced exactly with
    /// <see cref="SoftDouble"/> (a float quotient can round up to an integer the exact quotient is below).
    /// </summary>
    public static float FloorDivide(float dividend, float divisor)
    {
        SoftDouble quotient = SoftDouble.FromFloat(dividend) / SoftDouble.FromFloat(divisor);
        return quotient.Floor().ToFloat();
    }

    // ---------------------------------------------------------------------------------------------
    // sin/cos pieces.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float SinKernel(float r)
    {
        float z = r * r;
        float polynomial = S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6))));
        return r + r * z * polynomial;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float CosKernel(float r)
    {
        float z = r * r;
        float polynomial = C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6))));
        return 1.0f - 0.5f * z + z * z * polynomial;
    }

    /// <summary>
    /// Payne–Hanek reduction of a positive finite float |x| &gt; π/4: returns n mod 4 and r (|r| ≤ π/4) with
    /// x = n · π/2 + r.
    /// </summary>
    private static int ReduceHalfPi(uint magnitudeBits, out float r)
    {
        // x = m · 2^e with m a 24-bit integer (x > π/4 is always normal).
        uint m = (magnitudeBits & 0x007FFFFFu) | 0x00800000u;
        int e = (int)(magnitudeBits >> 23) - 150;

        // x · 2/π = Σ m · b_i · 2^(e - i) over the bits b_i of 2/π. Terms with e - i ≥ 2 are multiples of 4
        // and cannot change the quadrant or the fraction, so the window starts at bit s = max(1, e - 1).
        int s = e - 1 > 1 ? e - 1 : 1;
        GetTwoOverPiWindow(s - 1, out uint windowHigh, out ulong windowLow); // bits s .. s+95

        // product = m · window (120 bits) as high:low 64-bit halves; x · 2/π ≈ product · 2^(e - s - 95).
        ulong partLow = (ulong)m * (uint)windowLow;
        ulong partMiddle = (ulong)m * (uint)(windowLow >> 32);
        ulong partHigh = (ulong)m * windowHigh;
        ulong low = partLow + (partMiddle << 32);
        ulong carry = low < partLow ? 1UL : 0UL;
        ulong high = (partMiddle >> 32) + partHigh + carry;

        // Binary point sits fractionBits above bit 0; keep 2 integer bits (the quadrant) and 62 fraction bits.
        int fractionBits = s + 95 - e; // 94 .. 120
        int shift = fractionBits - 62; // 32 .. 58
        ulong window = (low >> shift) | (high << (64 - shift));
        int quadrant = (int)(window >> 62);
        long fraction = (long)(window & 0x3FFFFFFFFFFFFFFFUL);
        // Round to the nearest multiple of π/2 so |r| ≤ π/4.
        if (fraction >= 1L << 61)
        {
            fraction -= 1L << 62;
            quadrant = (quadrant + 1) & 3;
        }

        // r = fraction · 2^-62 · π/2: multiply the normalised magnitude by π/2 · 2^62 keeping the top 64 bits.
        bool negative = fraction < 0;
        ulong magnitude = negative ? (ulong)(-fraction) : (ulong)fraction;
        if (magnitude == 0)
        {
            r = 0.0f;
            return quadrant;
        }
        int leadingZeros = FixedPointMath.CountLeadingZeros(magnitude);
        ulong normalised = magnitude << leadingZeros; // top bit set
        ulong productHigh = MultiplyHigh(normalised, HalfPiQ62);
        // value = productHigh · 2^64 · 2^-leadingZeros · 2^-62 · 2^-62
        float reduced = ScaledToFloat(productHigh, 64 - leadingZeros - 124);
        r = negative ? -reduced : reduced;
        return quadrant;
    }

    /// <summary>96 bits of 2/π starting after <paramref name="skippedBits"/> bits: the top 32 and the low 64.</summary>
    private static void GetTwoOverPiWindow(int skippedBits, out uint high, out ulong low)
    {
        ReadOnlySpan<uint> table = TwoOverPiBits;
        int word = skippedBits >> 5;
        int bit = skippedBits & 31;
        uint w0 = table[word];
        uint w1 = table[word + 1];
        uint w2 = table[word + 2];
        uint w3 = table[word + 3];
        if (bit == 0)
        {
            high = w0;
            low = ((ulong)w1 << 32) | w2;
            return;
        }
        high = (w0 << bit) | (w1 >> (32 - bit));
        uint middle = (w1 << bit) | (w2 >> (32 - bit));
        uint last = (w2 << bit) | (w3 >> (32 - bit));
        low = ((ulong)middle << 32) | last;
    }

    /// <summary>The high 64 bits of the 128-bit product of two 64-bit values.</summary>
    private static ulong MultiplyHigh(ulong a, ulong b)
    {
        ulong aLow = (uint)a;
        ulong aHigh = a >> 32;
        ulong bLow = (uint)b;
        ulong bHigh = b >> 32;
        ulong lowLow = aLow * bLow;
        ulong lowHigh = aLow * bHigh;
        ulong highLow = aHigh * bLow;
        ulong highHigh = aHigh * bHigh;
        ulong middle = (lowLow >> 32) + (uint)lowHigh + (uint)highLow;
        return highHigh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);
    }

    /// <summary>value · 2^exponent as a float, rounded to nearest even; value must be non-zero and the result normal.</summary>
    private static float ScaledToFloat(ulong value, int exponent)
    {
        int leadingZeros = FixedPointMath.CountLeadingZeros(value);
        ulong normalised = value << leadingZeros; // bit 63 set
        uint significand = (uint)(normalised >> 40); // 24 bits
        ulong rest = normalised & 0xFFFFFFFFFFUL;
        const ulong half = 1UL << 39;
        if (rest > half || (rest == half && (significand & 1u) != 0)) significand++;
        int biased = 63 - leadingZeros + exponent + 127;
        if (significand == 1u << 24)
        {
            significand >>= 1;
            biased++;
        }
        return FromBits(((uint)biased << 23) | (significand & 0x007FFFFFu));
    }

    // ---------------------------------------------------------------------------------------------
    // Bit helpers.

    /// <summary>Unbiased exponent and integer significand (bit 23 set) of a finite non-zero magnitude.</summary>
    private static int Unpack(uint magnitudeBits, out uint significand)
    {
        int biased = (int)(magnitudeBits >> 23);
        if (biased == 0)
        {
            significand = magnitudeBits;
            int exponent = -149;
            while ((significand & 0x00800000u) == 0)
            {
                significand <<= 1;
                exponent--;
            }
            return exponent;
        }
        significand = (magnitudeBits & 0x007FFFFFu) | 0x00800000u;
        return biased - 150;
    }

    /// <summary>Encodes significand · 2^exponent exactly (significand &lt; 2^24, the value representable).</summary>
    private static uint Pack(uint significand, int exponent)
    {
        // Below the subnormal exponent the value is still a multiple of 2^-149, so shifting right is exact.
        while (exponent < -149)
        {
            significand >>= 1;
            exponent++;
        }
        while ((significand & 0x00800000u) == 0 && exponent > -149)
        {
            significand <<= 1;
            exponent--;
        }
        if ((significand & 0x00800000u) == 0) return significand; // subnormal at exponent -149
        return ((uint)(exponent + 150) << 23) | (significand & 0x007FFFFFu);
    }

    private static bool IsEven(float integral)
    {
        // |integral| ≥ 2^24 is always even; below, the integer conversion is exact (TFLM casts to int).
        float magnitude = integral < 0 ? -integral : integral;
        if (!(magnitude < 16777216.0f)) return true;
        return ((int)integral & 1) == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint SingleBits(float value) => *(uint*)&value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float FromBits(uint bits) => *(float*)&bits;
}
