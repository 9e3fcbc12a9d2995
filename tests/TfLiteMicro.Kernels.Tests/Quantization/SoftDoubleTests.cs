using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Quantization;

/// <summary>
/// Compares every <see cref="SoftDouble"/> operation with the host's hardware double (IEEE-754, round to
/// nearest even) for edge values and many random operands; results must match bit for bit (any NaN matches
/// any NaN, since payloads are not specified).
/// </summary>
public class SoftDoubleTests
{
    private const int RandomPairs = 200_000;

    internal static SoftDouble Soft(double value) => SoftDouble.FromBits(BitConverter.DoubleToUInt64Bits(value));

    internal static double Hard(SoftDouble value) => BitConverter.UInt64BitsToDouble(value.Bits);

    private static readonly double[] EdgeValues =
    {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 0.1, -0.1, 1.5, 2.5, -2.5, 0.49999999999999994,
        double.Epsilon, -double.Epsilon, 2 * double.Epsilon, 3 * double.Epsilon,
        BitConverter.UInt64BitsToDouble(0x000F_FFFF_FFFF_FFFFUL), // largest subnormal
        BitConverter.UInt64BitsToDouble(0x0010_0000_0000_0000UL), // smallest normal
        BitConverter.UInt64BitsToDouble(0x0010_0000_0000_0001UL),
        double.MaxValue, -double.MaxValue, BitConverter.UInt64BitsToDouble(0x7FEF_FFFF_FFFF_FFFEUL),
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        4503599627370496.0, 4503599627370495.5, 9007199254740992.0, 9007199254740993.0, 1e300, 1e-300,
        1.0 + 2.220446049250313e-16, 1.0 - 1.1102230246251565e-16, 2147483648.0, 2147483647.5,
        (double)float.MaxValue, (double)float.Epsilon, 3.4028235677973366e38, 1.401298464324817e-45 / 2,
        7.006492321624085e-46, 0.02, 1.0 / 3.0, 9.223372036854775807e18, -9.223372036854775808e18,
    };

    private static void AssertSame(double expected, SoftDouble actual, string what)
    {
        double got = Hard(actual);
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(got), what + ": expected NaN, got " + got.ToString("R"));
            return;
        }
        ulong expectedBits = BitConverter.DoubleToUInt64Bits(expected);
        if (expectedBits != actual.Bits)
        {
            Assert.Fail(what + ": expected " + expected.ToString("R") + " (0x" + expectedBits.ToString("X16") + "), got "
                + got.ToString("R") + " (0x" + actual.Bits.ToString("X16") + ")");
        }
    }

    /// <summary>Random doubles of several shapes: raw bits, nearby exponents, subnormals, short mantissas.</summary>
    internal static double RandomDouble(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return BitConverter.UInt64BitsToDouble((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
            case 1:
            {
                // Exponents near 0 so sums and differences interact (cancellation, carries).
                ulong bits = ((ulong)(1023 + random.Next(-8, 9)) << 52) | ((ulong)random.NextInt64() & 0x000F_FFFF_FFFF_FFFFUL);
                return BitConverter.UInt64BitsToDouble(bits | ((ulong)random.Next(2) << 63));
            }
            case 2:
            {
                // Subnormals and values near the subnormal boundary.
                ulong bits = ((ulong)random.Next(0, 3) << 52) | ((ulong)random.NextInt64() & 0x000F_FFFF_FFFF_FFFFUL);
                if (random.Next(2) == 0) bits >>= random.Next(0, 52);
                return BitConverter.UInt64BitsToDouble(bits | ((ulong)random.Next(2) << 63));
            }
            case 3:
                // Widened floats, like TFLM's scales.
                return (double)BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31));
            case 4:
            {
                // Short mantissas create exact ties in products and sums.
                long mantissa = random.Next(1, 1 << 12);
                return Math.ScaleB(random.Next(2) == 0 ? mantissa : -mantissa, random.Next(-60, 60));
            }
            default:
            {
                ulong bits = ((ulong)(1023 + random.Next(-1100, 1100) / 1 % 1023) << 52)
                    | ((ulong)random.NextInt64() & 0x000F_FFFF_FFFF_FFFFUL);
                return BitConverter.UInt64BitsToDouble(bits | ((ulong)random.Next(2) << 63));
            }
        }
    }

    private static IEnumerable<(double A, double B)> Operands(int seed)
    {
        foreach (double a in EdgeValues)
        {
            foreach (double b in EdgeValues) yield return (a, b);
        }
        var random = new Random(seed);
        for (int i = 0; i < RandomPairs; i++)
        {
            double a = RandomDouble(random);
            double b = RandomDouble(random);
            // Now and then pair values with each other's neighbours (massive cancellation).
            if (random.Next(8) == 0) b = -BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(a) + (ulong)random.Next(-3, 4));
            yield return (a, b);
        }
    }

    [Fact]
    public void Add_MatchesHardware()
    {
        foreach (var (a, b) in Operands(1)) AssertSame(a + b, SoftDouble.Add(Soft(a), Soft(b)), a.ToString("R") + " + " + b.ToString("R"));
    }

    [Fact]
    public void Subtract_MatchesHardware()
    {
        foreach (var (a, b) in Operands(2)) AssertSame(a - b, Soft(a) - Soft(b), a.ToString("R") + " - " + b.ToString("R"));
    }

    [Fact]
    public void Multiply_MatchesHardware()
    {
        foreach (var (a, b) in Operands(3)) AssertSame(a * b, Soft(a) * Soft(b), a.ToString("R") + " * " + b.ToString("R"));
    }

    [Fact]
    public void Multiply_NearUnderflowAndOverflow_MatchesHardware()
    {
        var random = new Random(33);
        for (int i = 0; i < RandomPairs; i++)
        {
            // Exponents chosen so products land around the subnormal range and around overflow.
            double a = Math.ScaleB(1 + random.NextDouble(), random.Next(-600, -450)) * (random.Next(2) == 0 ? 1 : -1);
            double b = Math.ScaleB(1 + random.NextDouble(), random.Next(-630, -520));
            AssertSame(a * b, Soft(a) * Soft(b), "tiny " + a.ToString("R") + " * " + b.ToString("R"));
            double c = Math.ScaleB(1 + random.NextDouble(), random.Next(500, 530));
            double d = Math.ScaleB(1 + random.NextDouble(), random.Next(490, 500));
            AssertSame(c * d, Soft(c) * Soft(d), "huge " + c.ToString("R") + " * " + d.ToString("R"));
        }
    }

    [Fact]
    public void Divide_MatchesHardware()
    {
        foreach (var (a, b) in Operands(4)) AssertSame(a / b, Soft(a) / Soft(b), a.ToString("R") + " / " + b.ToString("R"));
    }

    [Fact]
    public void Comparisons_MatchHardware()
    {
        foreach (var (a, b) in Operands(5))
        {
            SoftDouble x = Soft(a), y = Soft(b);
            Assert.Equal(a < b, x < y);
            Assert.Equal(a <= b, x <= y);
            Assert.Equal(a > b, x > y);
            Assert.Equal(a >= b, x >= y);
            Assert.Equal(a == b, SoftDouble.EqualTo(x, y));
        }
    }

    [Fact]
    public void NegateAndAbs_FlipOrClearTheSignBit()
    {
        foreach (var (a, _) in Operands(6))
        {
            Assert.Equal(BitConverter.DoubleToUInt64Bits(-a), Soft(a).Negate().Bits);
            Assert.Equal(BitConverter.DoubleToUInt64Bits(Math.Abs(a)), Soft(a).Abs().Bits);
        }
    }

    [Fact]
    public void FloatConversions_MatchHardware()
    {
        var random = new Random(7);
        for (int i = 0; i < RandomPairs; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31));
            AssertSame(f, SoftDouble.FromFloat(f), "FromFloat " + f.ToString("R"));
        }
        foreach (var (a, _) in Operands(8))
        {
            float expected = (float)a;
            float actual = Soft(a).ToFloat();
            if (float.IsNaN(expected))
            {
                Assert.True(float.IsNaN(actual));
                continue;
            }
            Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual),
                "ToFloat " + a.ToString("R") + ": expected " + expected.ToString("R") + ", got " + actual.ToString("R"));
        }
        // Ties at the float subnormal boundary and at float rounding midpoints.
        for (int i = 0; i < RandomPairs; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next(0, 0x0100_0000) | (random.Next(2) << 31));
            double midpoint = (double)f + (double)MathF.BitIncrement(Math.Abs(f)) * Math.Sign(f);
            double half = midpoint / 2;
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)half), BitConverter.SingleToUInt32Bits(Soft(half).ToFloat()));
        }
    }

    [Fact]
    public void IntegerConversions_MatchHardware()
    {
        long[] edges = { 0, 1, -1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, (1L << 53) + 1, (1L << 54) + 2, (1L << 54) + 6, -((1L << 53) + 1) };
        foreach (long v in edges) AssertSame(v, SoftDouble.FromInt64(v), "FromInt64 " + v);
        var random = new Random(9);
        for (int i = 0; i < RandomPairs; i++)
        {
            long v = random.NextInt64() >> random.Next(64);
            if (random.Next(2) == 0) v = -v;
            AssertSame(v, SoftDouble.FromInt64(v), "FromInt64 " + v);
            int w = random.Next() - random.Next();
            AssertSame(w, SoftDouble.FromInt32(w), "FromInt32 " + w);
        }
        foreach (var (a, _) in Operands(10))
        {
            if (double.IsNaN(a) || Math.Abs(a) >= 9.2e18) continue;
            Assert.Equal((long)a, Soft(a).ToInt64());
        }
    }

    [Fact]
    public void RoundingToIntegers_MatchesHardware()
    {
        var values = new List<double>(EdgeValues);
        var random = new Random(11);
        for (int i = 0; i < RandomPairs; i++)
        {
            values.Add(RandomDouble(random));
            // Exact halves and near-halves.
            double half = random.Next(-100000, 100000) + 0.5;
            values.Add(half);
            values.Add(Math.BitIncrement(half));
            values.Add(Math.BitDecrement(half));
        }
        foreach (double a in values)
        {
            AssertSame(Math.Round(a, MidpointRounding.AwayFromZero), Soft(a).Round(), "Round " + a.ToString("R"));
            AssertSame(Math.Floor(a), Soft(a).Floor(), "Floor " + a.ToString("R"));
            AssertSame(Math.Ceiling(a), Soft(a).Ceiling(), "Ceiling " + a.ToString("R"));
            AssertSame(Math.Truncate(a), Soft(a).Truncate(), "Truncate " + a.ToString("R"));
        }
    }

    [Fact]
    public void FrExpAndLdExp_MatchCLibrarySemantics()
    {
        foreach (var (a, b) in Operands(12))
        {
            SoftDouble fraction = Soft(a).FrExp(out int exponent);
            if (double.IsFinite(a) && a != 0)
            {
                int expectedExponent = Math.ILogB(a) + 1;
                Assert.Equal(expectedExponent, exponent);
                AssertSame(Math.ScaleB(a, -expectedExponent), fraction, "frexp " + a.ToString("R"));
                double magnitude = Math.Abs(Hard(fraction));
                Assert.True(magnitude >= 0.5 && magnitude < 1);
            }
            else
            {
                Assert.Equal(0, exponent);
                AssertSame(a, fraction, "frexp special " + a.ToString("R"));
            }
            int power = (int)(BitConverter.DoubleToUInt64Bits(b) % 2200) - 1100;
            AssertSame(Math.ScaleB(a, power), Soft(a).LdExp(power), "ldexp " + a.ToString("R") + ", " + power);
        }
    }

    [Fact]
    public void Multiply64To128_MatchesUInt128()
    {
        var random = new Random(13);
        for (int i = 0; i < RandomPairs; i++)
        {
            ulong a = (ulong)random.NextInt64() << random.Next(2);
            ulong b = (ulong)random.NextInt64() << random.Next(2);
            if (i == 0) a = b = ulong.MaxValue;
            SoftDouble.Multiply64To128(a, b, out ulong high, out ulong low);
            UInt128 expected = (UInt128)a * b;
            Assert.Equal((ulong)(expected >> 64), high);
            Assert.Equal((ulong)expected, low);
        }
    }
}
