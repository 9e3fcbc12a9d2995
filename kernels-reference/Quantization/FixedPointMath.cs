using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels;

/// <summary>
/// Integer fixed-point arithmetic with gemmlowp semantics (<c>fixedpoint/fixedpoint.h</c>) and TFLM's
/// requantization helpers (<c>tensorflow/lite/kernels/internal/common.{h,cc}</c>, default double-rounding
/// build, i.e. TFLITE_SINGLE_ROUNDING off).
/// </summary>
/// <remarks>
/// gemmlowp's <c>FixedPoint&lt;int32_t, IntegerBits&gt;</c> is represented by its raw int; the template's
/// integer-bit count becomes an explicit argument. A raw value with I integer bits stands for
/// raw / 2^(31 - I). C++ signed overflow in these routines wraps in practice; C# <c>unchecked</c> arithmetic
/// reproduces that.
/// </remarks>
public static class FixedPointMath
{
    // ---------------------------------------------------------------------------------------------
    // gemmlowp primitives.

    /// <summary>
    /// gemmlowp <c>SaturatingRoundingDoublingHighMul</c> (ARM VQRDMULH): a * b / 2^31 rounded to nearest with
    /// ties upward (toward +infinity); int.MinValue * int.MinValue saturates to int.MaxValue.
    /// </summary>
    /// <remarks>
    /// gemmlowp writes it as (a·b + nudge) / 2^31 truncated toward zero, nudge = 2^30 for a product ≥ 0 and
    /// 1 − 2^30 otherwise. A negative product makes that sum negative, and truncating a negative s / 2^31 is
    /// flooring (s + 2^31 − 1) / 2^31, i.e. (a·b + 2^30) >> 31 — the same expression as for a product ≥ 0. Written
    /// as that one shift by a constant, because ilc's ARM32 code generator compiles the 64-bit division into a call
    /// of <c>__aeabi_ldivmod</c> (about 60 instructions) while the shift is three (smull, adds/adc, shifts).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SaturatingRoundingDoublingHighMul(int a, int b)
    {
        if (a == b && a == int.MinValue) return int.MaxValue;
        return (int)(((long)a * b + (1L << 30)) >> 31);
    }

    /// <summary>gemmlowp <c>SaturatingRoundingDoublingHighMul</c> for int16 raw values (see the int32 one for the shift).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturatingRoundingDoublingHighMul(short a, short b)
    {
        if (a == b && a == short.MinValue) return short.MaxValue;
        return (short)((a * b + (1 << 14)) >> 15);
    }

    /// <summary>
    /// gemmlowp <c>RoundingDivideByPOT</c>: x / 2^exponent rounded to nearest, ties away from zero
    /// (a rounding arithmetic right shift). <paramref name="exponent"/> in [0, 31].
    /// </summary>
    /// <remarks>
    /// gemmlowp's form — mask = 2^exponent − 1, threshold = mask / 2 (+ 1 for negative x), add one when the
    /// remainder x &amp; mask exceeds it — written without branches or 64-bit shifts, which ilc's ARM32 code
    /// generator turns into jumps and helper calls (RhpLLsh): the mask as an unsigned 32-bit shift (2^31 − 1 for 31),
    /// "+ 1 for negative" as − (x >> 31), and "remainder > threshold" as the sign bit of threshold − remainder (both
    /// lie in [0, 2^31), so the difference cannot overflow).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RoundingDivideByPOT(int x, int exponent)
    {
        int mask = (int)((1u << exponent) - 1u);
        int remainder = x & mask;
        int threshold = (mask >> 1) - (x >> 31);
        return (x >> exponent) + (int)((uint)(threshold - remainder) >> 31);
    }

    /// <summary>gemmlowp <c>RoundingDivideByPOT</c> for int16 raw values; <paramref name="exponent"/> in [0, 15].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short RoundingDivideByPOT(short x, int exponent)
    {
        int mask = (1 << exponent) - 1;
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (short)((x >> exponent) + (remainder > threshold ? 1 : 0));
    }

    /// <summary>
    /// gemmlowp <c>SaturatingRoundingMultiplyByPOT&lt;exponent&gt;</c> with a run-time exponent (TFLM's
    /// <c>SaturatingRoundingMultiplyByPOTParam</c> for the positive side): a positive exponent is a
    /// saturating left shift, a negative one a rounding right shift (<see cref="RoundingDivideByPOT(int, int)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SaturatingRoundingMultiplyByPOT(int x, int exponent)
    {
        if (exponent == 0) return x;
        if (exponent < 0) return RoundingDivideByPOT(x, -exponent);
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) return int.MaxValue;
        if (x < -threshold) return int.MinValue;
        return unchecked(x * (1 << exponent));
    }

    /// <summary>gemmlowp <c>SaturatingRoundingMultiplyByPOT</c> for int16 raw values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturatingRoundingMultiplyByPOT(short x, int exponent)
    {
        if (exponent == 0) return x;
        if (exponent < 0) return RoundingDivideByPOT(x, -exponent);
        int threshold = (1 << (15 - exponent)) - 1;
        if (x > threshold) return short.MaxValue;
        if (x < -threshold) return short.MinValue;
        return unchecked((short)(x * (1 << exponent)));
    }

    /// <summary>gemmlowp <c>RoundingHalfSum</c> (VRHADD): (a + b) / 2 rounded half away from zero, in 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RoundingHalfSum(int a, int b)
    {
        // gemmlowp: (sum + sign(sum)) / 2 truncated toward zero. For sum ≥ 0 that is (sum + 1) >> 1; for sum < 0,
        // truncating (sum − 1) / 2 is flooring sum / 2, i.e. sum >> 1. Shifts instead of a 64-bit division (a helper
        // call on 32-bit ARM).
        long sum = (long)a + b;
        return (int)(sum >= 0 ? (sum + 1) >> 1 : sum >> 1);
    }

    /// <summary>TFLM <c>SaturatingAddNonGemmlowp</c> for int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SaturatingAdd(int a, int b) => ClampToInt32((long)a + b);

    /// <summary>TFLM <c>SaturatingSub</c> for int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SaturatingSub(int a, int b) => ClampToInt32((long)a - b);

    /// <summary>gemmlowp <c>SaturatingAdd</c> for int16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturatingAdd(short a, short b) => ClampToInt16(a + b);

    /// <summary>TFLM <c>SaturatingSub</c> for int16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturatingSub(short a, short b) => ClampToInt16(a - b);

    /// <summary>
    /// gemmlowp <c>Rescale&lt;dst&gt;</c>: changes the number of integer bits of a fixed-point raw value,
    /// i.e. <see cref="SaturatingRoundingMultiplyByPOT(int, int)"/> by (source - destination) bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rescale(int raw, int sourceIntegerBits, int destinationIntegerBits)
    {
        return SaturatingRoundingMultiplyByPOT(raw, sourceIntegerBits - destinationIntegerBits);
    }

    /// <summary>gemmlowp <c>FixedPoint&lt;int32_t, integerBits&gt;::One()</c> (int.MaxValue for 0 integer bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int One(int integerBits) => integerBits == 0 ? int.MaxValue : 1 << (31 - integerBits);

    /// <summary>gemmlowp <c>ConstantPOT&lt;exponent&gt;</c>: 2^exponent as a raw value with the given integer bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ConstantPOT(int integerBits, int exponent) => 1 << (31 - integerBits + exponent);

    // ---------------------------------------------------------------------------------------------
    // TFLM requantization (common.h / common.cc, double rounding).

    /// <summary>
    /// TFLM <c>MultiplyByQuantizedMultiplier(int32_t, int32_t, int)</c>, double-rounding build:
    /// <c>RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x * 2^max(shift,0), m), max(-shift,0))</c>.
    /// The left shift wraps on overflow, like the C++ in practice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MultiplyByQuantizedMultiplier(int x, int quantizedMultiplier, int shift)
    {
        // max(shift, 0) and max(−shift, 0) without branches (it runs once per output of every convolution).
        int leftShift = shift & ~(shift >> 31);
        int rightShift = leftShift - shift;
        return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << leftShift, quantizedMultiplier), rightShift);
    }

    /// <summary>
    /// TFLM <c>MultiplyByQuantizedMultiplier(int64_t, int32_t, int)</c> (int16 activations with int64 bias),
    /// double-rounding build: the multiplier is reduced to 16 bits with rounding
    /// (<c>m &lt; 0x7FFF0000 ? (m + 2^15) &gt;&gt; 16 : 0x7FFF</c>), then
    /// <c>(x * reduced + 2^(14 - shift)) &gt;&gt; (15 - shift)</c> truncated to int32. Expects m &gt;= 0,
    /// shift in [-31, 7] and |x| &lt; 2^47.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MultiplyByQuantizedMultiplier(long x, int quantizedMultiplier, int shift)
    {
        int reducedMultiplier = quantizedMultiplier < 0x7FFF0000 ? (quantizedMultiplier + (1 << 15)) >> 16 : 0x7FFF;
        int totalShift = 15 - shift;
        long rounded = unchecked(x * reducedMultiplier + (1L << (totalShift - 1)));
        return unchecked((int)(rounded >> totalShift));
    }

    /// <summary>TFLM <c>MultiplyByQuantizedMultiplierSmallerThanOneExp</c> (double rounding); leftShift &lt;= 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MultiplyByQuantizedMultiplierSmallerThanOneExp(int x, int quantizedMultiplier, int leftShift)
    {
        return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x, quantizedMultiplier), -leftShift);
    }

    /// <summary>TFLM <c>MultiplyByQuantizedMultiplierGreaterThanOne</c> (double rounding); leftShift &gt;= 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MultiplyByQuantizedMultiplierGreaterThanOne(int x, int quantizedMultiplier, int leftShift)
    {
        return SaturatingRoundingDoublingHighMul(unchecked(x * (1 << leftShift)), quantizedMultiplier);
    }

    // ---------------------------------------------------------------------------------------------
    // gemmlowp transcendental functions on int32 fixed point.

    // Raw Q0.31 constants from gemmlowp (the value each stands for is in the comment).
    private const int ExpMinusOneEighth = 1895147668;   // exp(-1/8)
    private const int OneThird = 715827883;             // 1/3
    private const int FortyEightSeventeenthsQ2 = 1515870810;    // 48/17 with 2 integer bits
    private const int MinusThirtyTwoSeventeenthsQ2 = -1010580540; // -32/17 with 2 integer bits
    private const int OneHalf = 1 << 30;                // 0.5

    /// <summary>gemmlowp <c>exp_on_interval_between_negative_one_quarter_and_0_excl</c>: Q0.31 in, Q0.31 out.</summary>
    public static int ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a)
    {
        unchecked
        {
            // Taylor expansion around -1/8: x = a + 1/8.
            int x = a + (1 << 28);
            int x2 = SaturatingRoundingDoublingHighMul(x, x);
            int x3 = SaturatingRoundingDoublingHighMul(x2, x);
            int x4 = SaturatingRoundingDoublingHighMul(x2, x2);
            int x4Over4 = RoundingDivideByPOT(x4, 2);
            int x4Over24PlusX3Over6PlusX2Over2 = RoundingDivideByPOT(
                SaturatingRoundingDoublingHighMul(x4Over4 + x3, OneThird) + x2, 1);
            return ExpMinusOneEighth + SaturatingRoundingDoublingHighMul(ExpMinusOneEighth, x + x4Over24PlusX3Over6PlusX2Over2);
        }
    }

    /// <summary>
    /// gemmlowp <c>exp_on_negative_values</c>: exp(a) for a &lt;= 0 given with <paramref name="integerBits"/>
    /// integer bits; result in Q0.31.
    /// </summary>
    public static int ExpOnNegativeValues(int a, int integerBits)
    {
        unchecked
        {
            int fractionalBits = 31 - integerBits;
            int oneQuarter = 1 << (fractionalBits - 2);
            int mask = oneQuarter - 1;
            int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
            int result = ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(Rescale(aModQuarterMinusOneQuarter, integerBits, 0));
            int remainder = aModQuarterMinusOneQuarter - a;

            // Barrel shifter: multiply by exp(-2^k) for each bit 2^k set in the remainder.
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, -2, 1672461947);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, -1, 1302514674);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, 0, 790015084);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, 1, 290630308);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, 2, 39332535);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, 3, 720401);
            result = ExpBarrelShifterStep(result, remainder, integerBits, fractionalBits, 4, 242);

            if (integerBits > 5)
            {
                // Below -32 the result is 0.
                int clamp = -(1 << (36 - integerBits));
                if (a < clamp) result = 0;
            }
            if (a == 0) result = One(0);
            return result;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExpBarrelShifterStep(int result, int remainder, int integerBits, int fractionalBits, int exponent, int multiplier)
    {
        if (integerBits <= exponent) return result;
        int bit = 1 << (fractionalBits + exponent);
        return (remainder & bit) != 0 ? SaturatingRoundingDoublingHighMul(result, multiplier) : result;
    }

    /// <summary>gemmlowp <c>one_over_one_plus_x_for_x_in_0_1</c>: 1 / (1 + a) for a in [0, 1), Q0.31 in and out.</summary>
    public static int OneOverOnePlusXForXIn01(int a)
    {
        int x = NewtonRaphsonReciprocalOfHalfDenominator(RoundingHalfSum(a, One(0)));
        // Q2.29 halved is the same raw value as Q1.30; rescale that to Q0.31.
        return Rescale(x, 1, 0);
    }

    /// <summary>gemmlowp <c>one_minus_x_over_one_plus_x_for_x_in_0_1</c>: (1 - a) / (1 + a), Q0.31 in and out.</summary>
    public static int OneMinusXOverOnePlusXForXIn01(int a)
    {
        int x = NewtonRaphsonReciprocalOfHalfDenominator(RoundingHalfSum(a, One(0)));
        return Rescale(unchecked(x - One(2)), 2, 0);
    }

    /// <summary>
    /// Newton-Raphson for 1 / halfDenominator (halfDenominator in [0.5, 1), Q0.31), three iterations from
    /// gemmlowp's 48/17 - 32/17 * d starting point; result in Q2.29.
    /// </summary>
    private static int NewtonRaphsonReciprocalOfHalfDenominator(int halfDenominator)
    {
        unchecked
        {
            int x = FortyEightSeventeenthsQ2 + SaturatingRoundingDoublingHighMul(halfDenominator, MinusThirtyTwoSeventeenthsQ2);
            for (int i = 0; i < 3; i++)
            {
                int halfDenominatorTimesX = SaturatingRoundingDoublingHighMul(halfDenominator, x);
                int oneMinusHalfDenominatorTimesX = One(2) - halfDenominatorTimesX;
                // Q2 * Q2 = Q4, rescaled back to Q2.
                x = x + Rescale(SaturatingRoundingDoublingHighMul(x, oneMinusHalfDenominatorTimesX), 4, 2);
            }
            return x;
        }
    }

    /// <summary>gemmlowp <c>neg_tanh_on_negative_values</c>: -tanh(a) for a &lt;= 0; result Q0.31.</summary>
    public static int NegTanhOnNegativeValues(int a, int integerBits)
    {
        // ExactMulByPot<1>: same raw value, one more integer bit, i.e. 2a.
        return OneMinusXOverOnePlusXForXIn01(ExpOnNegativeValues(a, integerBits + 1));
    }

    /// <summary>gemmlowp <c>tanh</c> for a raw value with <paramref name="integerBits"/> integer bits; result Q0.31.</summary>
    public static int Tanh(int a, int integerBits)
    {
        if (a == 0) return 0;
        bool negative = a < 0;
        int n = negative ? a : unchecked(-a);
        int t = NegTanhOnNegativeValues(n, integerBits);
        return negative ? unchecked(-t) : t;
    }

    /// <summary>gemmlowp <c>logistic_on_positive_values</c>: 1 / (1 + exp(-a)) for a &gt;= 0; result Q0.31.</summary>
    public static int LogisticOnPositiveValues(int a, int integerBits)
    {
        return OneOverOnePlusXForXIn01(ExpOnNegativeValues(unchecked(-a), integerBits));
    }

    /// <summary>gemmlowp <c>logistic</c> for a raw value with <paramref name="integerBits"/> integer bits; result Q0.31.</summary>
    public static int Logistic(int a, int integerBits)
    {
        if (a == 0) return OneHalf;
        bool positive = a > 0;
        int absolute = positive ? a : unchecked(-a);
        int resultIfPositive = LogisticOnPositiveValues(absolute, integerBits);
        return positive ? resultIfPositive : unchecked(One(0) - resultIfPositive);
    }

    // ---------------------------------------------------------------------------------------------
    // TFLM common.h helpers built on the above.

    /// <summary>
    /// TFLM <c>GetReciprocal</c>: for x &gt; 0 with <paramref name="xIntegerDigits"/> integer bits, returns
    /// 1 / (x normalized to [1, 2)) in Q0.31 and the number of bits the normalization moved
    /// (<paramref name="numBitsOverUnit"/>), as used by softmax.
    /// </summary>
    public static int GetReciprocal(int x, int xIntegerDigits, out int numBitsOverUnit)
    {
        int headroomPlusOne = CountLeadingZeros((uint)x);
        numBitsOverUnit = xIntegerDigits - headroomPlusOne;
        int shiftedSumMinusOne = unchecked((int)(((uint)x << headroomPlusOne) - (1u << 31)));
        return OneOverOnePlusXForXIn01(shiftedSumMinusOne);
    }

    /// <summary>
    /// TFLM <c>GetInvSqrtQuantizedMultiplierExp</c>: 1 / sqrt(input) as a multiplier and shift (Newton-Raphson in
    /// Q3.28), used by L2 normalization and layer norm. <paramref name="reverseShift"/> is -1 or 1.
    /// </summary>
    public static void GetInvSqrtQuantizedMultiplierExp(int input, int reverseShift, out int outputInvSqrt, out int outputShift)
    {
        if (input <= 1)
        {
            // 1 (and the invalid 0) would overflow the general computation; TFLM returns the largest multiplier.
            outputInvSqrt = int.MaxValue;
            outputShift = 0;
            return;
        }
        outputShift = 11;
        while (input >= (1 << 29))
        {
            input /= 4;
            ++outputShift;
        }
        int maxLeftShiftBits = CountLeadingZeros((uint)input) - 1;
        int maxLeftShiftBitPairs = maxLeftShiftBits / 2;
        int leftShiftBitPairs = maxLeftShiftBitPairs - 1;
        outputShift -= leftShiftBitPairs;
        input <<= 2 * leftShiftBitPairs;

        unchecked
        {
            const int integerBits = 3;
            int fixedPointInput = input >> 1;
            int fixedPointHalfInput = SaturatingRoundingMultiplyByPOT(fixedPointInput, -1);
            const int fixedPointHalfThree = (1 << 28) + (1 << 27); // 1.5 in Q3.28
            int x = One(integerBits);
            for (int i = 0; i < 5; i++)
            {
                // Q3 * Q3 * Q3 = Q9; Q3 * Q3 = Q6.
                int x3 = Rescale(SaturatingRoundingDoublingHighMul(SaturatingRoundingDoublingHighMul(x, x), x), 9, integerBits);
                x = Rescale(SaturatingRoundingDoublingHighMul(fixedPointHalfThree, x)
                    - SaturatingRoundingDoublingHighMul(fixedPointHalfInput, x3), 6, integerBits);
            }
            const int halfSqrt2 = 1518500250; // sqrt(2) / 2 in Q0.31
            x = SaturatingRoundingDoublingHighMul(x, halfSqrt2);
            outputInvSqrt = x;
            if (outputShift < 0)
            {
                outputInvSqrt <<= -outputShift;
                outputShift = 0;
            }
            outputShift *= reverseShift;
        }
    }

    /// <summary>Leading zero bits of a 32-bit value (32 for zero), as TFLM's <c>CountLeadingZeros</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountLeadingZeros(uint value)
    {
        if (value == 0) return 32;
        int count = 0;
        if ((value >> 16) == 0) { count += 16; value <<= 16; }
        if ((value >> 24) == 0) { count += 8; value <<= 8; }
        if ((value >> 28) == 0) { count += 4; value <<= 4; }
        if ((value >> 30) == 0) { count += 2; value <<= 2; }
        if ((value >> 31) == 0) { count += 1; }
        return count;
    }

    /// <summary>Leading zero bits of a 64-bit value (64 for zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountLeadingZeros(ulong value) => SoftDouble.LeadingZeroCount(value);

    /// <summary>TFLM <c>CountLeadingSignBits</c>: redundant sign bits of x (31 for 0 and -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountLeadingSignBits(int x)
    {
        if (x >= 0) return CountLeadingZeros((uint)x) - 1;
        if (x == int.MinValue) return 0;
        return CountLeadingZeros(2u * (uint)(-x) - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClampToInt32(long value) =>
        value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short ClampToInt16(int value) =>
        (short)(value > short.MaxValue ? short.MaxValue : value < short.MinValue ? short.MinValue : value);
}
