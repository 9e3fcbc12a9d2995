using System;
using TfLiteMicro.FlexBuffers;
using Xunit;

namespace TfLiteMicro.Core.Tests.FlexBuffers;

public class Float64BitsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(-3.4028234663852886e38)]
    [InlineData(3.4028235677973366e38)]   // rounds up to infinity
    [InlineData(1e39)]
    [InlineData(1.401298464324817e-45)]   // smallest float subnormal
    [InlineData(7.006492321624085e-46)]   // exactly half of it: ties to even gives zero
    [InlineData(1.1754942106924411e-38)]  // largest subnormal region, carries into the smallest normal
    [InlineData(1e-300)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NarrowingMatchesTheHardwareConversion(double value)
    {
        float expected = (float)value;
        float actual = Float64Bits.ToSingle((ulong)BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
    }

    [Fact]
    public void NarrowingMatchesTheHardwareConversionForRandomBits()
    {
        var random = new Random(42);
        Span<byte> bytes = stackalloc byte[8];
        for (int i = 0; i < 200000; i++)
        {
            random.NextBytes(bytes);
            ulong bits = BitConverter.ToUInt64(bytes);
            // Focus half of the samples on the exponents around the float range.
            if ((i & 1) == 0) bits = (bits & 0x800F_FFFF_FFFF_FFFFUL) | ((ulong)(1023 - 160 + random.Next(300)) << 52);
            double value = BitConverter.UInt64BitsToDouble(bits);
            float actual = Float64Bits.ToSingle(bits);
            if (double.IsNaN(value))
            {
                Assert.True(float.IsNaN(actual));
                continue;
            }
            Assert.Equal(BitConverter.SingleToInt32Bits((float)value), BitConverter.SingleToInt32Bits(actual));
        }
    }

    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(-0.9, 0L)]
    [InlineData(2.5, 2L)]
    [InlineData(-2.5, -2L)]
    [InlineData(9.007199254740993e15, 9007199254740992L)]
    [InlineData(-9.223372036854775808e18, long.MinValue)]
    public void TruncationMatchesACast(double value, long expected)
    {
        Assert.True(Float64Bits.TryTruncateToInt64((ulong)BitConverter.DoubleToInt64Bits(value), out long actual));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(9.223372036854775808e18)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TruncationRejectsValuesOutsideLong(double value)
    {
        Assert.False(Float64Bits.TryTruncateToInt64((ulong)BitConverter.DoubleToInt64Bits(value), out _));
    }
}
