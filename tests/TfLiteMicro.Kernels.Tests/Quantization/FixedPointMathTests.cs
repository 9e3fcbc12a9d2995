using System;
using TfLiteMicro.Kernels;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Quantization;

/// <summary>
/// gemmlowp/TFLM fixed-point helpers: exact references computed with decimal arithmetic, TFLM's
/// quantization_util_test.cc vectors, saturation and tie edge cases, and accuracy of the transcendental
/// approximations against the host's Math functions.
/// </summary>
public class FixedPointMathTests
{
    /// <summary>x / 2^exponent rounded to nearest, ties away from zero, computed exactly.</summary>
    private static long ReferenceRoundedDivide(decimal numerator, int exponent)
    {
        decimal divisor = 1;
        for (int i = 0; i < exponent; i++) divisor *= 2;
        return (long)Math.Round(numerator / divisor, MidpointRounding.AwayFromZero);
    }

    /// <summary>a * b / 2^31 rounded to nearest with ties upward (VQRDMULH), computed exactly.</summary>
    private static int ReferenceHighMul(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue) return int.MaxValue;
        return (int)Math.Floor((decimal)a * b / 2147483648m + 0.5m);
    }

    private static int[] InterestingInts(Random random, int count)
    {
        var values = new int[count];
        int[] edges = { 0, 1, -1, 2, -2, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1, 1 << 30, -(1 << 30), 1 << 15, -(1 << 15) };
        for (int i = 0; i < count; i++)
        {
            values[i] = i < edges.Length ? edges[i] : random.Next(4) switch
            {
                0 => random.Next(int.MinValue, int.MaxValue),
                1 => random.Next(-1000, 1000),
                2 => random.Next(int.MinValue, int.MaxValue) >> random.Next(31),
                _ => (random.Next(-100, 100) << random.Next(8, 24)) + (1 << random.Next(0, 8)) * random.Next(-1, 2),
            };
        }
        return values;
    }

    [Fact]
    public void SaturatingRoundingDoublingHighMul_MatchesExactRounding()
    {
        var random = new Random(31);
        int[] values = InterestingInts(random, 3000);
        foreach (int a in values)
        {
            for (int j = 0; j < 40; j++)
            {
                int b = values[random.Next(values.Length)];
                Assert.Equal(ReferenceHighMul(a, b), FixedPointMath.SaturatingRoundingDoublingHighMul(a, b));
            }
        }
        Assert.Equal(int.MaxValue, FixedPointMath.SaturatingRoundingDoublingHighMul(int.MinValue, int.MinValue));
        Assert.Equal(int.MaxValue - 1, FixedPointMath.SaturatingRoundingDoublingHighMul(int.MinValue + 1, int.MinValue + 1));
        Assert.Equal(-int.MaxValue, FixedPointMath.SaturatingRoundingDoublingHighMul(int.MinValue, int.MaxValue));
        // Ties round upward (gemmlowp's signed nudge plus truncating division): -0.5 -> 0, +0.5 -> +1, -1.5 -> -1.
        Assert.Equal(0, FixedPointMath.SaturatingRoundingDoublingHighMul(-1, 1 << 30));
        Assert.Equal(-1, FixedPointMath.SaturatingRoundingDoublingHighMul(-3, 1 << 30));
        Assert.Equal(1, FixedPointMath.SaturatingRoundingDoublingHighMul(1, 1 << 30));
    }

    [Fact]
    public void SaturatingRoundingDoublingHighMul_Int16_MatchesExactRounding()
    {
        for (int a = short.MinValue; a <= short.MaxValue; a += 7)
        {
            for (int b = short.MinValue; b <= short.MaxValue; b += 613)
            {
                short expected = a == short.MinValue && b == short.MinValue
                    ? short.MaxValue
                    : (short)Math.Floor((decimal)a * b / 32768m + 0.5m);
                Assert.Equal(expected, FixedPointMath.SaturatingRoundingDoublingHighMul((short)a, (short)b));
            }
        }
        Assert.Equal(short.MaxValue, FixedPointMath.SaturatingRoundingDoublingHighMul(short.MinValue, short.MinValue));
    }

    [Fact]
    public void RoundingDivideByPOT_MatchesExactRounding()
    {
        var random = new Random(32);
        foreach (int x in InterestingInts(random, 20000))
        {
            for (int exponent = 0; exponent <= 31; exponent++)
            {
                Assert.Equal(ReferenceRoundedDivide(x, exponent), FixedPointMath.RoundingDivideByPOT(x, exponent));
            }
        }
        // Ties: -3/2 = -1.5 -> -2, 3/2 -> 2, -5/4 = -1.25 -> -1.
        Assert.Equal(-2, FixedPointMath.RoundingDivideByPOT(-3, 1));
        Assert.Equal(2, FixedPointMath.RoundingDivideByPOT(3, 1));
        Assert.Equal(-1, FixedPointMath.RoundingDivideByPOT(-5, 2));
        for (int x = short.MinValue; x <= short.MaxValue; x += 3)
        {
            for (int exponent = 0; exponent <= 15; exponent++)
            {
                Assert.Equal((short)ReferenceRoundedDivide(x, exponent), FixedPointMath.RoundingDivideByPOT((short)x, exponent));
            }
        }
    }

    [Fact]
    public void SaturatingRoundingMultiplyByPOT_SaturatesAndRounds()
    {
        var random = new Random(33);
        foreach (int x in InterestingInts(random, 5000))
        {
            for (int exponent = -31; exponent <= 31; exponent++)
            {
                long expected = exponent >= 0
                    ? Math.Clamp((long)x << exponent, int.MinValue, int.MaxValue)
                    : ReferenceRoundedDivide(x, -exponent);
                // gemmlowp saturates symmetrically: x < -threshold maps to int.MinValue, so -2^(31-e) << e is
                // int.MinValue as well, consistent with the clamp above.
                Assert.Equal(expected, FixedPointMath.SaturatingRoundingMultiplyByPOT(x, exponent));
            }
        }
        Assert.Equal(int.MaxValue, FixedPointMath.Rescale(1 << 29, 0, -3));
        Assert.Equal(short.MinValue, FixedPointMath.SaturatingRoundingMultiplyByPOT((short)-20000, 1));
        Assert.Equal(short.MaxValue, FixedPointMath.SaturatingRoundingMultiplyByPOT((short)16384, 1));
        Assert.Equal((short)-3, FixedPointMath.SaturatingRoundingMultiplyByPOT((short)-5, -1));
    }

    [Fact]
    public void RoundingHalfSumAndSaturatingAddSub_MatchReference()
    {
        var random = new Random(34);
        int[] values = InterestingInts(random, 3000);
        foreach (int a in values)
        {
            int b = values[random.Next(values.Length)];
            Assert.Equal((int)Math.Round(((decimal)a + b) / 2, MidpointRounding.AwayFromZero), FixedPointMath.RoundingHalfSum(a, b));
            Assert.Equal((int)Math.Clamp((long)a + b, int.MinValue, int.MaxValue), FixedPointMath.SaturatingAdd(a, b));
            Assert.Equal((int)Math.Clamp((long)a - b, int.MinValue, int.MaxValue), FixedPointMath.SaturatingSub(a, b));
            short sa = (short)a, sb = (short)b;
            Assert.Equal((short)Math.Clamp(sa + sb, short.MinValue, short.MaxValue), FixedPointMath.SaturatingAdd(sa, sb));
            Assert.Equal((short)Math.Clamp(sa - sb, short.MinValue, short.MaxValue), FixedPointMath.SaturatingSub(sa, sb));
        }
    }

    private static int QuantizeAndMultiply(int x, double multiplier)
    {
        Assert.True(QuantizationMath.QuantizeMultiplier(SoftDoubleTests.Soft(multiplier), out int q, out int shift));
        return FixedPointMath.MultiplyByQuantizedMultiplier(x, q, shift);
    }

    private static int QuantizeAndMultiply(long x, double multiplier)
    {
        Assert.True(QuantizationMath.QuantizeMultiplier(SoftDoubleTests.Soft(multiplier), out int q, out int shift));
        return FixedPointMath.MultiplyByQuantizedMultiplier(x, q, shift);
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_Int32_TflmVectors()
    {
        Assert.Equal(0, QuantizeAndMultiply(0, 0.1));
        Assert.Equal(0, QuantizeAndMultiply(1, 0));
        Assert.Equal(10, QuantizeAndMultiply(10000, 0.00097656));
        Assert.Equal(-10, QuantizeAndMultiply(10000, -0.00097656));
        Assert.Equal(-10, QuantizeAndMultiply(-10000, 0.00097656));
        Assert.Equal(10, QuantizeAndMultiply(-10000, -0.00097656));
        Assert.Equal(-21475, QuantizeAndMultiply(int.MinValue, 0.00001));
        Assert.Equal(21475, QuantizeAndMultiply(int.MinValue, -0.00001));
        Assert.Equal(21475, QuantizeAndMultiply(int.MaxValue, 0.00001));
        Assert.Equal(-21475, QuantizeAndMultiply(int.MaxValue, -0.00001));

        const int x = int.MaxValue, multiplier = int.MaxValue, shift = -3;
        int expected = (int)Math.Round((long)x * multiplier / (double)(1L << (31 - shift)), MidpointRounding.AwayFromZero);
        Assert.Equal(expected, FixedPointMath.MultiplyByQuantizedMultiplier(x, multiplier, shift));
        Assert.Equal(-expected, FixedPointMath.MultiplyByQuantizedMultiplier(-x, multiplier, shift));
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_Int64_TflmVectors()
    {
        Assert.Equal(0, QuantizeAndMultiply(0L, 0.1));
        Assert.Equal(0, QuantizeAndMultiply(1L, 0));
        Assert.Equal(10, QuantizeAndMultiply(10000L, 0.00097656));
        Assert.Equal(-10, QuantizeAndMultiply(-10000L, 0.00097656));
        Assert.Equal(-1407385600, QuantizeAndMultiply(-(1L << 47), 0.00001));
        Assert.Equal(1407385600, QuantizeAndMultiply((1L << 47) - 1, 0.00001));
        const long x = (1L << 47) - 1;
        Assert.Equal(65534, FixedPointMath.MultiplyByQuantizedMultiplier(x, int.MaxValue, -31));
        Assert.Equal(-65534, FixedPointMath.MultiplyByQuantizedMultiplier(-x, int.MaxValue, -31));
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_Int32_IsDoubleRoundingComposition()
    {
        var random = new Random(35);
        int[] values = InterestingInts(random, 4000);
        foreach (int x in values)
        {
            int multiplier = random.Next(1 << 30, int.MaxValue);
            int shift = random.Next(-31, 8);
            int left = Math.Max(shift, 0), right = Math.Max(-shift, 0);
            int shifted = unchecked(x * (1 << left));
            int expected = (int)ReferenceRoundedDivide(ReferenceHighMul(shifted, multiplier), right);
            Assert.Equal(expected, FixedPointMath.MultiplyByQuantizedMultiplier(x, multiplier, shift));
            if (shift <= 0)
            {
                Assert.Equal(expected, FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(x, multiplier, shift));
            }
            else
            {
                Assert.Equal(expected, FixedPointMath.MultiplyByQuantizedMultiplierGreaterThanOne(x, multiplier, shift));
            }
        }
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_Int64_MatchesReducedMultiplierFormula()
    {
        var random = new Random(36);
        for (int i = 0; i < 100_000; i++)
        {
            long x = random.NextInt64(-(1L << 47), 1L << 47) >> random.Next(0, 40);
            int multiplier = i % 50 == 0 ? int.MaxValue - random.Next(0, 70000) : random.Next(1 << 30, int.MaxValue);
            int shift = random.Next(-31, 8);
            int reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
            long expected = (long)Math.Floor(((decimal)x * reduced) / (decimal)Math.Pow(2, 15 - shift) + 0.5m);
            Assert.Equal(unchecked((int)expected), FixedPointMath.MultiplyByQuantizedMultiplier(x, multiplier, shift));
        }
    }

    [Fact]
    public void ExpOnNegativeValues_IsAccurateAndExactAtZero()
    {
        foreach (int integerBits in new[] { 0, 1, 2, 3, 4, 5, 6, 8 })
        {
            Assert.Equal(int.MaxValue, FixedPointMath.ExpOnNegativeValues(0, integerBits));
            double scale = Math.ScaleB(1.0, 31 - integerBits);
            var random = new Random(37 + integerBits);
            for (int i = 0; i < 20_000; i++)
            {
                int raw = -random.Next(0, int.MaxValue);
                double input = raw / scale;
                double actual = FixedPointMath.ExpOnNegativeValues(raw, integerBits) / TwoPow31AsDouble;
                Assert.True(Math.Abs(actual - Math.Exp(input)) < 2e-6,
                    "exp(" + input + ") with " + integerBits + " integer bits: got " + actual + ", expected " + Math.Exp(input));
            }
        }
        // Inputs below -32 are clamped to exactly zero when more than 5 integer bits are available.
        Assert.Equal(0, FixedPointMath.ExpOnNegativeValues(-(33 << 25), 6));
    }

    private const double TwoPow31AsDouble = 2147483648.0;

    [Fact]
    public void LogisticAndTanh_AreAccurateAndSymmetric()
    {
        foreach (int integerBits in new[] { 0, 2, 3, 4, 5 })
        {
            double scale = Math.ScaleB(1.0, 31 - integerBits);
            var random = new Random(41 + integerBits);
            Assert.Equal(1 << 30, FixedPointMath.Logistic(0, integerBits));
            Assert.Equal(0, FixedPointMath.Tanh(0, integerBits));
            for (int i = 0; i < 20_000; i++)
            {
                int raw = random.Next(int.MinValue + 1, int.MaxValue);
                double input = raw / scale;
                double logistic = FixedPointMath.Logistic(raw, integerBits) / TwoPow31AsDouble;
                Assert.True(Math.Abs(logistic - 1 / (1 + Math.Exp(-input))) < 2e-6, "logistic(" + input + ") = " + logistic);
                double tanh = FixedPointMath.Tanh(raw, integerBits) / TwoPow31AsDouble;
                Assert.True(Math.Abs(tanh - Math.Tanh(input)) < 4e-6, "tanh(" + input + ") = " + tanh);
                Assert.Equal(-FixedPointMath.Tanh(raw, integerBits), FixedPointMath.Tanh(-raw, integerBits));
                int magnitude = Math.Abs(raw);
                Assert.Equal(int.MaxValue - FixedPointMath.Logistic(magnitude, integerBits), FixedPointMath.Logistic(-magnitude, integerBits));
            }
        }
    }

    [Fact]
    public void OneOverOnePlusX_AndReciprocal_AreAccurate()
    {
        var random = new Random(43);
        for (int i = 0; i < 50_000; i++)
        {
            int raw = random.Next(0, int.MaxValue);
            double x = raw / TwoPow31AsDouble;
            double actual = FixedPointMath.OneOverOnePlusXForXIn01(raw) / TwoPow31AsDouble;
            Assert.True(Math.Abs(actual - 1 / (1 + x)) < 1e-8 + 2e-9, "1/(1+" + x + ") = " + actual);
            double other = FixedPointMath.OneMinusXOverOnePlusXForXIn01(raw) / TwoPow31AsDouble;
            Assert.True(Math.Abs(other - (1 - x) / (1 + x)) < 1e-8, "(1-x)/(1+x) at " + x + " = " + other);
        }
        // Softmax-style use: a sum of exps with 12 integer bits.
        for (int i = 0; i < 50_000; i++)
        {
            int sum = random.Next(1 << 19, int.MaxValue);
            int reciprocal = FixedPointMath.GetReciprocal(sum, 12, out int bitsOverUnit);
            double value = sum / Math.ScaleB(1.0, 19);
            double actual = reciprocal / TwoPow31AsDouble * Math.ScaleB(1.0, -bitsOverUnit);
            Assert.True(Math.Abs(actual * value - 1) < 1e-8, "1/" + value + " = " + actual);
        }
        // x = 1.25 (Q12.19): scale 0.8 and no extra bits.
        int r = FixedPointMath.GetReciprocal(5 << 17, 12, out int over);
        Assert.Equal(0, over);
        Assert.True(Math.Abs(r / TwoPow31AsDouble - 0.8) < 1e-8, "1/1.25 = " + r / TwoPow31AsDouble);
    }

    [Fact]
    public void GetInvSqrtQuantizedMultiplierExp_TflmVectors()
    {
        (int, int) Run(int input)
        {
            FixedPointMath.GetInvSqrtQuantizedMultiplierExp(input, 1, out int q, out int s);
            return (q, s);
        }
        Assert.Equal((int.MaxValue, 0), Run(0));
        Assert.Equal((int.MaxValue, 0), Run(1));
        Assert.Equal((1518498372, 0), Run(2));
        Assert.Equal((1239850284, 0), Run(3));
        Assert.Equal((1073741828, 0), Run(4));
        Assert.Equal((214748363, 0), Run(100));
        Assert.Equal((343597361, 4), Run(10000));
        Assert.Equal((274877901, 7), Run(1000000));
        Assert.Equal((219902323, 10), Run(100000000));
        Assert.Equal((268435457, 12), Run(1 << 30));
        Assert.Equal((189812531, 12), Run(int.MaxValue));
        FixedPointMath.GetInvSqrtQuantizedMultiplierExp(10000, -1, out _, out int reversed);
        Assert.Equal(-4, reversed);
    }

    [Fact]
    public void CountLeadingBits_MatchReference()
    {
        var random = new Random(44);
        foreach (int x in InterestingInts(random, 20000))
        {
            int zeros = 0;
            while (zeros < 32 && ((uint)x & (0x8000_0000u >> zeros)) == 0) zeros++;
            Assert.Equal(zeros, FixedPointMath.CountLeadingZeros((uint)x));
            int signBits = 0;
            int sign = x < 0 ? 1 : 0;
            while (signBits < 31 && (((x >> (30 - signBits)) & 1) == sign)) signBits++;
            Assert.Equal(signBits, FixedPointMath.CountLeadingSignBits(x));
            ulong wide = ((ulong)(uint)x << 32) | (uint)random.Next();
            Assert.Equal(System.Numerics.BitOperations.LeadingZeroCount(wide), FixedPointMath.CountLeadingZeros(wide));
        }
        Assert.Equal(32, FixedPointMath.CountLeadingZeros(0u));
        Assert.Equal(64, FixedPointMath.CountLeadingZeros(0UL));
    }
}
