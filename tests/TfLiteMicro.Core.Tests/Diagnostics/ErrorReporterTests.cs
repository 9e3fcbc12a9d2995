using TfLiteMicro;
using Xunit;

namespace TfLiteMicro.Core.Tests.Diagnostics;

public class ErrorReporterTests
{
    [Fact]
    public void FailComposesMessageAndConvertsToStatus()
    {
        ErrorReporter errors = new ErrorReporter();
        Status status = errors.Fail(Status.MalformedModel, "tensor "u8).Append(42).Append(": shape "u8).Append(-7L);
        Assert.Equal(Status.MalformedModel, status);
        Assert.Equal("tensor 42: shape -7", errors.MessageText);
        Assert.True(errors.HasError);
        errors.Clear();
        Assert.False(errors.HasError);
        Assert.Equal("", errors.MessageText);
    }

    [Fact]
    public void PrefixPutsContextInFront()
    {
        ErrorReporter errors = new ErrorReporter();
        errors.Fail(Status.Error, "bad type"u8).Prefix(": "u8).Prefix("CONV_2D"u8);
        Assert.Equal("CONV_2D: bad type", errors.MessageText);
        errors.Prefix("x "u8);
        Assert.Equal("x CONV_2D: bad type", errors.MessageText);
    }

    [Theory]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    public void IntegersPrintExactly(long value, string expected)
    {
        ErrorReporter errors = new ErrorReporter();
        errors.Fail(Status.Error, ""u8).Append(value);
        Assert.Equal(expected, errors.MessageText);
    }

    [Theory]
    [InlineData(0.5f, "0.5")]
    [InlineData(1234.5f, "1234.5")]
    [InlineData(0.00390625f, "0.00390625")]
    [InlineData(-3f, "-3")]
    [InlineData(1.5e-7f, "1.5e-7")]
    [InlineData(2.5e9f, "2.5e9")]
    public void FloatsPrintWithSixSignificantDigits(float value, string expected)
    {
        ErrorReporter errors = new ErrorReporter();
        errors.Fail(Status.Error, ""u8).Append(value);
        Assert.Equal(expected, errors.MessageText);
    }

    [Fact]
    public void LongMessagesAreCutWithEllipsis()
    {
        ErrorReporter errors = new ErrorReporter();
        errors.Fail(Status.Error, System.Text.Encoding.ASCII.GetBytes(new string('a', ErrorReporter.Capacity + 100)));
        Assert.Equal(ErrorReporter.Capacity, errors.Message.Length);
        Assert.EndsWith("...", errors.MessageText);
    }
}
