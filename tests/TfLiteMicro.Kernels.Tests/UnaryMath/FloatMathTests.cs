using System;
using System.Numerics;
using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UnaryMath;

/// <summary>
/// <see cref="FloatMath"/> against the host's double-precision math (rounded once to float) and exact
/// arithmetic: sin/cos within one ulp over the whole float range, exact fmod/floor/ceil/round, a correctly
/// rounded software sqrt, TFLM's double-based floor division, and the 2/π table against digits computed here.
/// </summary>
public class FloatMathTests
{
    private static float[] SampleFloats(int seed, int count)
    {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            switch (i % 4)
            {
                case 0: values[i] = (float)(random.NextDouble() * 4 - 2); break;
                case 1: values[i] = (float)(random.NextDouble() * 200 - 100); break;
                case 2: values[i] = BitConverter.Int32BitsToSingle(random.Next(0x3F000000, 0x7F800000)) * (random.Next(2) == 0 ? -1 : 1); break;
                default: values[i] = (float)(random.NextDouble() * 1e6); break;
            }
        }
        return values;
    }

    [Fact]
    public void SinAndCosAreWithinOneUlpOfTheRoundedDoubleResult()
    {
        float[] extra =
        {
            0f, -0f, 1e-30f, 0.785398f, 0.7853982f, 0.7853983f, 1.5707964f, 3.1415927f, -3.1415927f, 6.2831855f,
            100f, 1e5f, 16777216f, 1.0e10f, 3.4028235e38f, -3.4028235e38f, 1.6892058e38f, 22f, 355f, 103993f,
        };
        foreach (float x in SampleFloats(3, 20000))
        {
            AssertWithinOneUlp(x);
        }
        foreach (float x in extra) AssertWithinOneUlp(x);
    }

    private static void AssertWithinOneUlp(float x)
    {
        float sinExpected = (float)Math.Sin(x);
        float cosExpected = (float)Math.Cos(x);
        float sin = FloatMath.Sin(x);
        float cos = FloatMath.Cos(x);
        Assert.True(OpTestHarness.UlpDistance(sin, sinExpected) <= 1 || Math.Abs(sin - sinExpected) < 1e-37,
            "sin(" + x.ToString("R") + ") = " + sin.ToString("R") + ", expected " + sinExpected.ToString("R"));
        Assert.True(OpTestHarness.UlpDistance(cos, cosExpected) <= 1 || Math.Abs(cos - cosExpected) < 1e-37,
            "cos(" + x.ToString("R") + ") = " + cos.ToString("R") + ", expected " + cosExpected.ToString("R"));
    }

    [Fact]
    public void SinAndCosOfNonFiniteValuesAreNaN()
    {
        Assert.True(float.IsNaN(FloatMath.Sin(float.PositiveInfinity)));
        Assert.True(float.IsNaN(FloatMath.Sin(float.NegativeInfinity)));
        Assert.True(float.IsNaN(FloatMath.Cos(float.NaN)));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(FloatMath.Sin(-0f)));
    }

    [Fact]
    public void TwoOverPiTableMatchesDigitsComputedWithMachinsFormula()
    {
        // pi · 2^k with k = 400 by Machin: pi = 16 atan(1/5) - 4 atan(1/239), as integers scaled by 2^(k + 32).
        const int k = 400;
        BigInteger scale = BigInteger.One << (k + 32);
        BigInteger pi = 16 * ArctanInverse(5, scale) - 4 * ArctanInverse(239, scale);
        // 2/pi · 2^256 = 2^(257 + k + 32) / (pi · 2^(k + 32)).
        BigInteger twoOverPi = (BigInteger.One << (256 + 1 + k + 32)) / pi;
        ReadOnlySpan<uint> table = FloatMath.TwoOverPiBits;
        for (int w = 0; w < table.Length; w++)
        {
            uint expected = (uint)((twoOverPi >> (256 - 32 * (w + 1))) & uint.MaxValue);
            Assert.Equal(expected, table[w]);
        }
        // π/2 · 2^62 = π · 2^61, rounded to nearest.
        BigInteger denominator = BigInteger.One << (k + 32);
        BigInteger halfPiQ62 = ((pi << 61) + (denominator >> 1)) / denominator;
        Assert.Equal(new BigInteger(FloatMath.HalfPiQ62), halfPiQ62);
    }

    private static BigInteger ArctanInverse(int x, BigInteger scale)
    {
        // atan(1/x) · scale = Σ (-1)^n / ((2n + 1) x^(2n + 1)) · scale.
        BigInteger sum = BigInteger.Zero;
        BigInteger power = scale / x;
        BigInteger x2 = x * x;
        for (int n = 0; !power.IsZero; n++)
        {
            BigInteger term = power / (2 * n + 1);
            sum += n % 2 == 0 ? term : -term;
            power /= x2;
        }
        return sum;
    }

    [Fact]
    public void FmodIsExact()
    {
        Random random = new Random(9);
        float[] specials = { 0f, -0f, 1f, -1f, 0.5f, 3f, -7.25f, 1e-40f, 1e30f, 3.4e38f, 1.17549435e-38f };
        for (int i = 0; i < 20000; i++)
        {
            float x = i < 121 ? specials[i % 11] : RandomFloat(random);
            float y = i < 121 ? specials[i / 11] : RandomFloat(random);
            float expected = (float)((double)x % (double)y); // the double remainder of two floats is exact
            float actual = FloatMath.Fmod(x, y);
            if (float.IsNaN(expected)) Assert.True(float.IsNaN(actual), x + " % " + y);
            else Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
        }
        Assert.True(float.IsNaN(FloatMath.Fmod(float.PositiveInfinity, 2f)));
        Assert.Equal(5f, FloatMath.Fmod(5f, float.PositiveInfinity));
    }

    private static float RandomFloat(Random random)
    {
        int exponent = random.Next(0, 255);
        int bits = (exponent << 23) | random.Next(0, 1 << 23) | (random.Next(2) << 31);
        return BitConverter.Int32BitsToSingle(bits);
    }

    [Fact]
    public void FloorCeilAndRoundAreExact()
    {
        Random random = new Random(21);
        for (int i = 0; i < 20000; i++)
        {
            float x = i % 2 == 0 ? RandomFloat(random) : (float)Math.Round(random.NextDouble() * 40 - 20) / 2; // halves
            Assert.Equal(BitConverter.SingleToInt32Bits(MathF.Floor(x)), BitConverter.SingleToInt32Bits(FloatMath.Floor(x)));
            Assert.Equal(BitConverter.SingleToInt32Bits(MathF.Ceiling(x)), BitConverter.SingleToInt32Bits(FloatMath.Ceiling(x)));
            float rounded = FloatMath.RoundHalfToEven(x);
            float expected = MathF.Round(x, MidpointRounding.ToEven);
            if (float.IsNaN(x)) Assert.True(float.IsNaN(rounded));
            else Assert.Equal(expected, rounded); // +0 and -0 compare equal: TFLM's floor + 1 may give +0 for -0.5
        }
        Assert.Equal(2f, FloatMath.RoundHalfToEven(2.5f));
        Assert.Equal(4f, FloatMath.RoundHalfToEven(3.5f));
        Assert.Equal(-2f, FloatMath.RoundHalfToEven(-2.5f));
        Assert.Equal(-4f, FloatMath.RoundHalfToEven(-3.5f));
    }

    [Fact]
    public void SoftDoubleSqrtIsCorrectlyRounded()
    {
        Random random = new Random(4);
        for (int i = 0; i < 20000; i++)
        {
            double x = i % 3 == 0
                ? BitConverter.Int64BitsToDouble((long)(random.NextDouble() * 0x7FEFFFFFFFFFFFFFL))
                : i % 3 == 1 ? random.NextDouble() * 10 : BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000L));
            SoftDouble root = FloatMath.Sqrt(SoftDouble.FromBits((ulong)BitConverter.DoubleToInt64Bits(x)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Sqrt(x)), (long)root.Bits);
        }
        Assert.True(FloatMath.Sqrt(SoftDouble.FromFloat(-1f)).IsNaN);
        Assert.True(FloatMath.Sqrt(SoftDouble.Zero).IsZero);
        Assert.True(FloatMath.Sqrt(SoftDouble.PositiveInfinity).IsInfinity);
    }

    [Fact]
    public void FloorDivideIsTheFloorOfTheDoubleQuotient()
    {
        Random random = new Random(8);
        for (int i = 0; i < 20000; i++)
        {
            float a = i % 2 == 0 ? RandomFloat(random) : (float)(random.NextDouble() * 20 - 10);
            float b = i % 2 == 0 ? RandomFloat(random) : (float)(random.NextDouble() * 4 - 2);
            float expected = (float)Math.Floor((double)a / b);
            float actual = FloatMath.FloorDivide(a, b);
            if (float.IsNaN(expected)) Assert.True(float.IsNaN(actual));
            else Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
        }
        // Quotients near 2^23..2^24 with divisors just above 1: the float quotient often rounds to an integer the
        // exact quotient lies below, so floor(float(a / b)) would differ from TFLM's floor(double(a) / b).
        int differing = 0;
        for (int i = 0; i < 20000; i++)
        {
            float a = (float)(8388608 + random.NextDouble() * 8388608);
            float b = 1f + (float)(random.Next(1, 16)) * 1.1920929e-07f;
            float expected = (float)Math.Floor((double)a / b);
            if (MathF.Floor(a / b) != expected) differing++;
            Assert.Equal(expected, FloatMath.FloorDivide(a, b));
        }
        Assert.True(differing > 0);
    }
}
