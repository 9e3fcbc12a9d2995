using System;
using TfLiteMicro.Kernels;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Quantization;

/// <summary>
/// The fixed-point functions rewritten so ilc's ARM32 code has no runtime-helper calls (64-bit division, 64-bit
/// variable shifts) or branches are bit-identical to gemmlowp's / TFLM's literal formulas, written here the
/// straightforward way (64-bit division truncating toward zero, 64-bit mask, conditional rounding), over extreme
/// values, every exponent 0..31, rounding ties on both sides of zero and many random inputs.
/// </summary>
public class FixedPointRewriteTests
{
    private static int LiteralHighMul(int a, int b)
    {
        if (a == b && a == int.MinValue) return int.MaxValue;
        long product = (long)a * b;
        long nudge = product >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int)((product + nudge) / (1L << 31));
    }

    private static short LiteralHighMul(short a, short b)
    {
        if (a == b && a == short.MinValue) return short.MaxValue;
        int product = a * b;
        int nudge = product >= 0 ? 1 << 14 : 1 - (1 << 14);
        return (short)((product + nudge) / (1 << 15));
    }

    private static int LiteralRoundingDivideByPOT(int x, int exponent)
    {
        int mask = (int)((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    private static int LiteralMultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
    {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        return LiteralRoundingDivideByPOT(LiteralHighMul(unchecked(x * (1 << leftShift)), multiplier), rightShift);
    }

    private static int LiteralRoundingHalfSum(int a, int b)
    {
        long sum = (long)a + b;
        long sign = sum >= 0 ? 1 : -1;
        return (int)((sum + sign) / 2);
    }

    /// <summary>Extremes, small values, powers of two and their neighbours, and values one off a rounding tie.</summary>
    private static int[] EdgeValues()
    {
        var values = new System.Collections.Generic.List<int> { 0, 1, -1, 2, -2, 3, -3, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1 };
        for (int bit = 0; bit < 31; bit++)
        {
            int p = 1 << bit;
            values.AddRange(new[] { p, -p, p - 1, -(p - 1), p + 1, -(p + 1), p | (p >> 1), -(p | (p >> 1)) });
        }
        return values.ToArray();
    }

    private static int RandomInt(Random random) => random.Next(4) switch
    {
        0 => unchecked((int)(uint)random.NextInt64(0, 1L << 32)),
        1 => random.Next(-70000, 70000),
        2 => unchecked((int)(uint)random.NextInt64(0, 1L << 32)) >> random.Next(32),
        _ => unchecked((random.Next(-300, 300) << random.Next(0, 23)) + (1 << random.Next(0, 9)) * random.Next(-1, 2)),
    };

    [Fact]
    public void SaturatingRoundingDoublingHighMul_EqualsTheDivisionFormula()
    {
        int[] edges = EdgeValues();
        foreach (int a in edges)
        {
            foreach (int b in edges) Assert.Equal(LiteralHighMul(a, b), FixedPointMath.SaturatingRoundingDoublingHighMul(a, b));
        }
        // Products that land exactly on a tie (a · 2^30 with a odd, i.e. x.5 after the division) on both sides of zero.
        for (int a = -1001; a <= 1001; a += 2)
        {
            Assert.Equal(LiteralHighMul(a, 1 << 30), FixedPointMath.SaturatingRoundingDoublingHighMul(a, 1 << 30));
            Assert.Equal(LiteralHighMul(1 << 30, a), FixedPointMath.SaturatingRoundingDoublingHighMul(1 << 30, a));
        }
        var random = new Random(20240611);
        for (int i = 0; i < 2_000_000; i++)
        {
            int a = RandomInt(random);
            int b = RandomInt(random);
            if (LiteralHighMul(a, b) != FixedPointMath.SaturatingRoundingDoublingHighMul(a, b))
                Assert.Fail($"a={a} b={b}: {LiteralHighMul(a, b)} expected, {FixedPointMath.SaturatingRoundingDoublingHighMul(a, b)} computed");
        }
    }

    [Fact]
    public void SaturatingRoundingDoublingHighMul_Int16_EqualsTheDivisionFormulaEverywhere()
    {
        for (int a = short.MinValue; a <= short.MaxValue; a++)
        {
            // Every b for every 257th a (and the extremes), a stride of 31 otherwise: ~140 million pairs.
            int step = a % 257 == 0 || a <= short.MinValue + 1 || a >= short.MaxValue - 1 ? 1 : 31;
            for (int b = short.MinValue; b <= short.MaxValue; b += step)
            {
                if (LiteralHighMul((short)a, (short)b) != FixedPointMath.SaturatingRoundingDoublingHighMul((short)a, (short)b))
                    Assert.Fail($"a={a} b={b}: {LiteralHighMul((short)a, (short)b)} expected, {FixedPointMath.SaturatingRoundingDoublingHighMul((short)a, (short)b)} computed");
            }
        }
    }

    [Fact]
    public void RoundingDivideByPOT_EqualsTheMaskFormula_ForEveryExponent()
    {
        int[] edges = EdgeValues();
        var random = new Random(7);
        for (int exponent = 0; exponent <= 31; exponent++)
        {
            foreach (int x in edges) Assert.Equal(LiteralRoundingDivideByPOT(x, exponent), FixedPointMath.RoundingDivideByPOT(x, exponent));
            if (exponent > 0)
            {
                // Exact ties k · 2^e ± 2^(e−1) and their neighbours, for small k of both signs.
                long half = 1L << (exponent - 1);
                for (long k = -40; k <= 40; k++)
                {
                    for (long delta = -1; delta <= 1; delta++)
                    {
                        long value = (k << exponent) + half + delta;
                        if (value < int.MinValue || value > int.MaxValue) continue;
                        Assert.Equal(LiteralRoundingDivideByPOT((int)value, exponent), FixedPointMath.RoundingDivideByPOT((int)value, exponent));
                        Assert.Equal(LiteralRoundingDivideByPOT((int)-value, exponent), FixedPointMath.RoundingDivideByPOT((int)-value, exponent));
                    }
                }
            }
            for (int i = 0; i < 20_000; i++)
            {
                int x = RandomInt(random);
                Assert.Equal(LiteralRoundingDivideByPOT(x, exponent), FixedPointMath.RoundingDivideByPOT(x, exponent));
            }
        }
    }

    [Fact]
    public void MultiplyByQuantizedMultiplier_EqualsTheLiteralComposition_ForEveryShift()
    {
        int[] edges = EdgeValues();
        int[] multipliers = { 0, 1, 1 << 30, (1 << 30) + 1, int.MaxValue, int.MaxValue - 1, 1518500250, 1895147668, int.MinValue, -1, -(1 << 30) };
        var random = new Random(11);
        for (int shift = -31; shift <= 31; shift++)
        {
            foreach (int m in multipliers)
            {
                foreach (int x in edges) Assert.Equal(LiteralMultiplyByQuantizedMultiplier(x, m, shift), FixedPointMath.MultiplyByQuantizedMultiplier(x, m, shift));
            }
            for (int i = 0; i < 20_000; i++)
            {
                int x = RandomInt(random);
                // Multipliers as QuantizeMultiplier makes them ([2^30, 2^31)) and arbitrary ones.
                int m = i % 2 == 0 ? random.Next(1 << 30, int.MaxValue) : RandomInt(random);
                Assert.Equal(LiteralMultiplyByQuantizedMultiplier(x, m, shift), FixedPointMath.MultiplyByQuantizedMultiplier(x, m, shift));
            }
        }
    }

    [Fact]
    public void RoundingHalfSum_EqualsTheDivisionFormula()
    {
        int[] edges = EdgeValues();
        foreach (int a in edges)
        {
            foreach (int b in edges) Assert.Equal(LiteralRoundingHalfSum(a, b), FixedPointMath.RoundingHalfSum(a, b));
        }
        var random = new Random(3);
        for (int i = 0; i < 200_000; i++)
        {
            int a = RandomInt(random);
            int b = RandomInt(random);
            Assert.Equal(LiteralRoundingHalfSum(a, b), FixedPointMath.RoundingHalfSum(a, b));
        }
    }
}
