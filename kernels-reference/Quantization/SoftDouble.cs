using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels;

/// <summary>
/// An IEEE-754 binary64 value whose arithmetic is done with integer instructions only.
/// </summary>
/// <remarks>
/// TFLM computes requantization multipliers at Prepare time in <c>double</c>. A Cortex-M4F has only a
/// single-precision FPU and the ARM32 code generator emits <c>vmul.f64</c> for C# <c>double</c>, which faults
/// there. This type reproduces the same results bit for bit: every operation is correctly rounded
/// (round to nearest, ties to even), with signed zeros, subnormals, infinities and NaN, so an expression
/// evaluated step by step with <see cref="SoftDouble"/> equals the C++ <c>double</c> expression evaluated in
/// the same order. NaN results are quiet NaNs; their payload is not specified (hardware differs too).
/// Only Prepare-time code should use it: each operation costs tens to hundreds of instructions.
/// </remarks>
public readonly struct SoftDouble
{
    private const ulong SignMask = 0x8000_0000_0000_0000UL;
    private const ulong ExponentMask = 0x7FF0_0000_0000_0000UL;
    private const ulong FractionMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong ImplicitBit = 0x0010_0000_0000_0000UL;
    private const ulong QuietBit = 0x0008_0000_0000_0000UL;
    private const int ExponentBias = 1023;
    private const int FractionBits = 52;
    private const int MaxBiasedExponent = 0x7FF;

    /// <summary>Canonical quiet NaN produced by invalid operations (0/0, inf-inf, 0*inf).</summary>
    private const ulong DefaultNaNBits = 0x7FF8_0000_0000_0000UL;

    private readonly ulong bits;

    private SoftDouble(ulong rawBits)
    {
        bits = rawBits;
    }

    /// <summary>The binary64 encoding of this value.</summary>
    public ulong Bits => bits;

    public static SoftDouble Zero => new SoftDouble(0);
    public static SoftDouble One => new SoftDouble(0x3FF0_0000_0000_0000UL);
    public static SoftDouble PositiveInfinity => new SoftDouble(ExponentMask);
    public static SoftDouble NegativeInfinity => new SoftDouble(SignMask | ExponentMask);
    public static SoftDouble NaN => new SoftDouble(DefaultNaNBits);

    public static SoftDouble FromBits(ulong rawBits) => new SoftDouble(rawBits);

    public bool IsNaN => (bits & ~SignMask) > ExponentMask;
    public bool IsInfinity => (bits & ~SignMask) == ExponentMask;
    public bool IsFinite => (bits & ExponentMask) != ExponentMask;
    public bool IsZero => (bits & ~SignMask) == 0;
    public bool IsNegative => (bits & SignMask) != 0;

    private int BiasedExponent => (int)((bits >> FractionBits) & MaxBiasedExponent);

    // ---------------------------------------------------------------------------------------------
    // Conversions in.

    /// <summary>Exact widening, as C++ <c>static_cast&lt;double&gt;(float)</c>.</summary>
    public static unsafe SoftDouble FromFloat(float value)
    {
        uint floatBits = *(uint*)&value;
        bool negative = (floatBits & 0x8000_0000u) != 0;
        ulong sign = negative ? SignMask : 0;
        int exponent = (int)((floatBits >> 23) & 0xFF);
        uint fraction = floatBits & 0x007F_FFFFu;
        if (exponent == 0xFF)
        {
            // Infinity keeps a zero fraction; a NaN keeps its payload and becomes quiet.
            ulong nanBits = fraction == 0 ? 0 : QuietBit | ((ulong)fraction << 29);
            return new SoftDouble(sign | ExponentMask | nanBits);
        }
        if (exponent == 0)
        {
            if (fraction == 0) return new SoftDouble(sign);
            // Subnormal float: value = fraction * 2^-149, always a normal double.
            return FromScaledMagnitude(negative, fraction, -149);
        }
        ulong doubleExponent = (ulong)(exponent - 127 + ExponentBias);
        return new SoftDouble(sign | (doubleExponent << FractionBits) | ((ulong)fraction << 29));
    }

    public static SoftDouble FromInt32(int value) => FromInt64(value);

    /// <summary>Correctly rounded conversion, as C++ <c>static_cast&lt;double&gt;(int64_t)</c>.</summary>
    public static SoftDouble FromInt64(long value)
    {
        if (value == 0) return Zero;
        bool negative = value < 0;
        // Negating through ulong keeps long.MinValue exact (2^63).
        ulong magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        return FromScaledMagnitude(negative, magnitude, 0);
    }

    public static SoftDouble FromUInt64(ulong value)
    {
        if (value == 0) return Zero;
        return FromScaledMagnitude(false, value, 0);
    }

    /// <summary>Rounds <c>(-1)^negative * magnitude * 2^scale</c> to a double; <paramref name="magnitude"/> != 0.</summary>
    private static SoftDouble FromScaledMagnitude(bool negative, ulong magnitude, int scale)
    {
        int topBit = 63 - LeadingZeroCount(magnitude);
        ulong significand;
        if (topBit == 63)
        {
            significand = (magnitude >> 1) | (magnitude & 1);
        }
        else
        {
            significand = magnitude << (62 - topBit);
        }
        return RoundAndPack(negative, topBit + scale, significand);
    }

    // ---------------------------------------------------------------------------------------------
    // Conversions out.

    /// <summary>Correctly rounded narrowing, as C++ <c>static_cast&lt;float&gt;(double)</c>.</summary>
    public unsafe float ToFloat()
    {
        uint sign = IsNegative ? 0x8000_0000u : 0;
        uint floatBits;
        if (IsNaN)
        {
            floatBits = sign | 0x7FC0_0000u | (uint)((bits & FractionMask) >> 29);
        }
        else if (IsInfinity)
        {
            floatBits = sign | 0x7F80_0000u;
        }
        else if (IsZero)
        {
            floatBits = sign;
        }
        else
        {
            Unpack(out int exponent, out ulong significand);
            // Move the leading one to bit 30 of a 32-bit word, folding the dropped bits into bit 0.
            ulong wide = significand << 10;
            uint narrow = (uint)(wide >> 32) | ((uint)wide != 0 ? 1u : 0u);
            floatBits = sign | RoundAndPackFloatMagnitude(exponent, narrow);
        }
        return *(float*)&floatBits;
    }

    /// <summary>Packs <c>narrow * 2^(exponent - 30)</c> (leading one at bit 30, sticky bit 0) as float bits.</summary>
    private static uint RoundAndPackFloatMagnitude(int exponent, uint narrow)
    {
        int biased = exponent + 127;
        if (biased >= 0xFF) return 0x7F80_0000u;
        if (biased < 1)
        {
            narrow = ShiftRightJam32(narrow, 1 - biased);
            biased = 1;
        }
        uint mantissa = narrow >> 7;
        uint roundBits = narrow & 0x7F;
        if (roundBits > 0x40 || (roundBits == 0x40 && (mantissa & 1) != 0)) mantissa++;
        // Adding works across the subnormal/normal and normal/infinity boundaries because the carry out of
        // the mantissa increments the exponent field.
        return ((uint)(biased - 1) << 23) + mantissa;
    }

    /// <summary>Truncation toward zero, as C++ <c>static_cast&lt;int64_t&gt;</c>. NaN and values outside the
    /// long range (undefined in C++) give <see cref="long.MinValue"/>, like x86 <c>cvttsd2si</c>.</summary>
    public long ToInt64()
    {
        if (!IsFinite) return long.MinValue;
        if (IsZero) return 0;
        Unpack(out int exponent, out ulong significand);
        if (exponent < 0) return 0;
        if (exponent >= 63)
        {
            // Only -2^63 is representable.
            return long.MinValue;
        }
        ulong magnitude = exponent >= 52 ? significand << (exponent - 52) : significand >> (52 - exponent);
        return IsNegative ? -(long)magnitude : (long)magnitude;
    }

    /// <summary>C <c>llround</c>-style: rounds half away from zero, then converts to long.</summary>
    public long RoundToInt64() => Round().ToInt64();

    // ---------------------------------------------------------------------------------------------
    // Arithmetic.

    public static SoftDouble operator +(SoftDouble a, SoftDouble b) => Add(a, b);
    public static SoftDouble operator -(SoftDouble a, SoftDouble b) => Subtract(a, b);
    public static SoftDouble operator *(SoftDouble a, SoftDouble b) => Multiply(a, b);
    public static SoftDouble operator /(SoftDouble a, SoftDouble b) => Divide(a, b);
    public static SoftDouble operator -(SoftDouble a) => a.Negate();

    public SoftDouble Negate() => new SoftDouble(bits ^ SignMask);

    public SoftDouble Abs() => new SoftDouble(bits & ~SignMask);

    public static SoftDouble Subtract(SoftDouble a, SoftDouble b) => Add(a, b.Negate());

    public static SoftDouble Add(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return PropagateNaN(a, b);
        bool signA = a.IsNegative;
        bool signB = b.IsNegative;
        if (a.IsInfinity)
        {
            if (b.IsInfinity && signA != signB) return NaN;
            return a;
        }
        if (b.IsInfinity) return b;
        if (a.IsZero)
        {
            // (-0) + (-0) = -0; every other sum of zeros is +0 under round-to-nearest.
            if (b.IsZero) return signA && signB ? a : Zero;
            return b;
        }
        if (b.IsZero) return a;

        a.Unpack(out int exponentA, out ulong significandA);
        b.Unpack(out int exponentB, out ulong significandB);
        // Order by magnitude so the difference of magnitudes is never negative.
        if (exponentA < exponentB || (exponentA == exponentB && significandA < significandB))
        {
            // Plain temporaries rather than tuple swaps: the device core library has no ValueTuple.
            int exponentTemp = exponentA; exponentA = exponentB; exponentB = exponentTemp;
            ulong significandTemp = significandA; significandA = significandB; significandB = significandTemp;
            bool signTemp = signA; signA = signB; signB = signTemp;
        }
        // Leading one at bit 61: one bit of headroom for the carry, nine guard bits below the mantissa.
        ulong larger = significandA << 9;
        ulong smaller = ShiftRightJam64(significandB << 9, exponentA - exponentB);
        ulong sum;
        if (signA == signB)
        {
            sum = larger + smaller;
        }
        else
        {
            sum = larger - smaller;
            if (sum == 0) return Zero;
        }
        // sum * 2^(exponentA - 61); normalize so the leading one sits at bit 62.
        int shift = LeadingZeroCount(sum) - 1;
        return RoundAndPack(signA, exponentA + 1 - shift, sum << shift);
    }

    public static SoftDouble Multiply(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return PropagateNaN(a, b);
        bool sign = a.IsNegative != b.IsNegative;
        ulong signBits = sign ? SignMask : 0;
        if (a.IsInfinity || b.IsInfinity)
        {
            if (a.IsZero || b.IsZero) return NaN;
            return new SoftDouble(signBits | ExponentMask);
        }
        if (a.IsZero || b.IsZero) return new SoftDouble(signBits);

        a.Unpack(out int exponentA, out ulong significandA);
        b.Unpack(out int exponentB, out ulong significandB);
        // 53-bit significands moved to bits 62 and 63: the 128-bit product has its leading one at bit 125
        // or 126, i.e. at bit 61 or 62 of the high word.
        Multiply64To128(significandA << 10, significandB << 11, out ulong high, out ulong low);
        int exponent = exponentA + exponentB + 1;
        if (high < (1UL << 62))
        {
            high = (high << 1) | (low >> 63);
            low <<= 1;
            exponent--;
        }
        return RoundAndPack(sign, exponent, high | (low != 0 ? 1UL : 0UL));
    }

    public static SoftDouble Divide(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return PropagateNaN(a, b);
        bool sign = a.IsNegative != b.IsNegative;
        ulong signBits = sign ? SignMask : 0;
        if (a.IsInfinity)
        {
            if (b.IsInfinity) return NaN;
            return new SoftDouble(signBits | ExponentMask);
        }
        if (b.IsInfinity) return new SoftDouble(signBits);
        if (b.IsZero)
        {
            if (a.IsZero) return NaN;
            return new SoftDouble(signBits | ExponentMask);
        }
        if (a.IsZero) return new SoftDouble(signBits);

        a.Unpack(out int exponentA, out ulong remainder);
        b.Unpack(out int exponentB, out ulong divisor);
        if (remainder < divisor)
        {
            remainder <<= 1;
            exponentA--;
        }
        // Restoring division, one quotient bit per step: 63 bits with the leading one at bit 62, then the
        // remainder tells whether anything was left over (sticky). The remainder stays below 2^54.
        ulong quotient = 0;
        for (int i = 0; i < 63; i++)
        {
            quotient <<= 1;
            if (remainder >= divisor)
            {
                remainder -= divisor;
                quotient |= 1;
            }
            remainder <<= 1;
        }
        return RoundAndPack(sign, exponentA - exponentB, quotient | (remainder != 0 ? 1UL : 0UL));
    }

    // ---------------------------------------------------------------------------------------------
    // Comparisons (IEEE semantics: NaN is unordered, -0 == +0).

    public static bool operator <(SoftDouble a, SoftDouble b) => LessThan(a, b);
    public static bool operator >(SoftDouble a, SoftDouble b) => LessThan(b, a);
    public static bool operator <=(SoftDouble a, SoftDouble b) => LessThanOrEqual(a, b);
    public static bool operator >=(SoftDouble a, SoftDouble b) => LessThanOrEqual(b, a);

    /// <summary>IEEE equality (the == operator is not defined: System.Object on the device has no Equals).</summary>
    public static bool EqualTo(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return false;
        return a.bits == b.bits || (a.IsZero && b.IsZero);
    }

    public static bool LessThan(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return false;
        if (a.IsZero && b.IsZero) return false;
        return OrderKey(a) < OrderKey(b);
    }

    public static bool LessThanOrEqual(SoftDouble a, SoftDouble b)
    {
        if (a.IsNaN || b.IsNaN) return false;
        if (a.IsZero && b.IsZero) return true;
        return OrderKey(a) <= OrderKey(b);
    }

    /// <summary>Maps the encoding to a signed integer with the same order as the (non-NaN) values.</summary>
    private static long OrderKey(SoftDouble value)
    {
        long magnitude = (long)(value.bits & ~SignMask);
        return value.IsNegative ? -magnitude : magnitude;
    }

    public static SoftDouble Min(SoftDouble a, SoftDouble b) => LessThan(b, a) ? b : a;

    public static SoftDouble Max(SoftDouble a, SoftDouble b) => LessThan(a, b) ? b : a;

    // ---------------------------------------------------------------------------------------------
    // Exponent manipulation and rounding to integers.

    /// <summary>
    /// C <c>frexp</c>: returns f with 0.5 &lt;= |f| &lt; 1 and this = f * 2^exponent. Zero, infinity and NaN
    /// are returned unchanged with <paramref name="exponent"/> = 0 (glibc behaviour).
    /// </summary>
    public SoftDouble FrExp(out int exponent)
    {
        if (!IsFinite || IsZero)
        {
            exponent = 0;
            return this;
        }
        Unpack(out int unbiased, out ulong significand);
        exponent = unbiased + 1;
        ulong sign = bits & SignMask;
        // Biased exponent 1022 encodes [0.5, 1).
        return new SoftDouble(sign | ((ulong)(ExponentBias - 1) << FractionBits) | (significand & FractionMask));
    }

    /// <summary>C <c>ldexp</c>: this * 2^power, correctly rounded (overflow to infinity, gradual underflow).</summary>
    public SoftDouble LdExp(int power)
    {
        if (!IsFinite || IsZero) return this;
        Unpack(out int exponent, out ulong significand);
        // Clamp so the sum cannot overflow an int; anything beyond +-4000 is already inf or zero.
        if (power > 4000) power = 4000;
        if (power < -4000) power = -4000;
        return RoundAndPack(IsNegative, exponent + power, significand << 10);
    }

    /// <summary>C <c>trunc</c>.</summary>
    public SoftDouble Truncate()
    {
        int biased = BiasedExponent;
        if (biased >= ExponentBias + FractionBits) return this; // integer, infinity or NaN
        if (biased < ExponentBias) return new SoftDouble(bits & SignMask);
        ulong fractionMask = (1UL << (ExponentBias + FractionBits - biased)) - 1;
        return new SoftDouble(bits & ~fractionMask);
    }

    /// <summary>C <c>round</c>: to the nearest integer, halfway cases away from zero.</summary>
    public SoftDouble Round()
    {
        int biased = BiasedExponent;
        if (biased >= ExponentBias + FractionBits) return this;
        ulong sign = bits & SignMask;
        if (biased < ExponentBias - 1) return new SoftDouble(sign); // |x| < 0.5
        if (biased < ExponentBias) return new SoftDouble(sign | One.bits); // 0.5 <= |x| < 1
        int fractionBitCount = ExponentBias + FractionBits - biased;
        ulong fractionMask = (1UL << fractionBitCount) - 1;
        // Adding half an ulp of the integer part to the magnitude rounds it away from zero; a carry out of
        // the fraction correctly bumps the exponent.
        ulong rounded = (bits + (1UL << (fractionBitCount - 1))) & ~fractionMask;
        return new SoftDouble(rounded);
    }

    /// <summary>C <c>floor</c>.</summary>
    public SoftDouble Floor() => RoundTowardInfinity(towardPositive: false);

    /// <summary>C <c>ceil</c>.</summary>
    public SoftDouble Ceiling() => RoundTowardInfinity(towardPositive: true);

    private SoftDouble RoundTowardInfinity(bool towardPositive)
    {
        int biased = BiasedExponent;
        if (biased >= ExponentBias + FractionBits || IsZero) return this;
        bool awayFromZero = IsNegative != towardPositive;
        ulong sign = bits & SignMask;
        if (biased < ExponentBias)
        {
            return awayFromZero ? new SoftDouble(sign | One.bits) : new SoftDouble(sign);
        }
        int fractionBitCount = ExponentBias + FractionBits - biased;
        ulong fractionMask = (1UL << fractionBitCount) - 1;
        if ((bits & fractionMask) == 0) return this;
        ulong magnitude = bits & ~fractionMask;
        if (awayFromZero) magnitude += 1UL << fractionBitCount;
        return new SoftDouble(magnitude);
    }

    // ---------------------------------------------------------------------------------------------
    // Internals.

    /// <summary>
    /// For a finite non-zero value: <c>|this| = significand * 2^(exponent - 52)</c> with the significand's
    /// leading one at bit 52 (subnormals are normalized, so the exponent can go below -1022).
    /// </summary>
    private void Unpack(out int exponent, out ulong significand)
    {
        int biased = BiasedExponent;
        ulong fraction = bits & FractionMask;
        if (biased == 0)
        {
            int shift = LeadingZeroCount(fraction) - 11;
            significand = fraction << shift;
            exponent = 1 - ExponentBias - shift;
        }
        else
        {
            significand = fraction | ImplicitBit;
            exponent = biased - ExponentBias;
        }
    }

    /// <summary>
    /// Rounds <c>significand * 2^(exponent - 62)</c> to nearest-even and encodes it. The significand has its
    /// leading one at bit 62; bits 0-9 are below the final mantissa and bit 0 may be a sticky bit standing for
    /// any non-zero bits already shifted out.
    /// </summary>
    private static SoftDouble RoundAndPack(bool negative, int exponent, ulong significand)
    {
        ulong sign = negative ? SignMask : 0;
        int biased = exponent + ExponentBias;
        if (biased >= MaxBiasedExponent) return new SoftDouble(sign | ExponentMask);
        if (biased < 1)
        {
            // Subnormal result: denormalize first, then round once.
            significand = ShiftRightJam64(significand, 1 - biased);
            biased = 1;
        }
        ulong mantissa = significand >> 10;
        ulong roundBits = significand & 0x3FF;
        if (roundBits > 0x200 || (roundBits == 0x200 && (mantissa & 1) != 0)) mantissa++;
        // The implicit bit (bit 52 of the mantissa) adds one to the exponent field, hence biased - 1; a carry
        // out of a rounded-up mantissa also lands there, which is exactly the renormalization needed.
        return new SoftDouble(sign | (((ulong)(biased - 1) << FractionBits) + mantissa));
    }

    private static SoftDouble PropagateNaN(SoftDouble a, SoftDouble b)
    {
        SoftDouble nan = a.IsNaN ? a : b;
        return new SoftDouble(nan.bits | QuietBit);
    }

    /// <summary>Shifts right; any 1 bits shifted out are OR-ed into bit 0 so rounding still sees them.</summary>
    private static ulong ShiftRightJam64(ulong value, int count)
    {
        if (count <= 0) return value;
        if (count >= 63) return value != 0 ? 1UL : 0UL;
        ulong lost = value & ((1UL << count) - 1);
        return (value >> count) | (lost != 0 ? 1UL : 0UL);
    }

    private static uint ShiftRightJam32(uint value, int count)
    {
        if (count <= 0) return value;
        if (count >= 31) return value != 0 ? 1u : 0u;
        uint lost = value & ((1u << count) - 1);
        return (value >> count) | (lost != 0 ? 1u : 0u);
    }

    /// <summary>Full 128-bit product of two 64-bit values from four 32x32 partial products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Multiply64To128(ulong a, ulong b, out ulong high, out ulong low)
    {
        ulong aLow = (uint)a, aHigh = a >> 32;
        ulong bLow = (uint)b, bHigh = b >> 32;
        ulong lowLow = aLow * bLow;
        ulong lowHigh = aLow * bHigh;
        ulong highLow = aHigh * bLow;
        ulong highHigh = aHigh * bHigh;
        // Sum of the middle column cannot overflow: each term is below 2^32.
        ulong middle = (lowLow >> 32) + (uint)lowHigh + (uint)highLow;
        low = (middle << 32) | (uint)lowLow;
        high = highHigh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);
    }

    /// <summary>Number of leading zero bits (64 for zero), by binary search; no BCL intrinsic needed.</summary>
    internal static int LeadingZeroCount(ulong value)
    {
        if (value == 0) return 64;
        int count = 0;
        if ((value >> 32) == 0) { count += 32; value <<= 32; }
        if ((value >> 48) == 0) { count += 16; value <<= 16; }
        if ((value >> 56) == 0) { count += 8; value <<= 8; }
        if ((value >> 60) == 0) { count += 4; value <<= 4; }
        if ((value >> 62) == 0) { count += 2; value <<= 2; }
        if ((value >> 63) == 0) { count += 1; }
        return count;
    }
}
