using System.Linq;
using Xunit;

namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>The scanner finds float64 where it is known to be (this assembly's <see cref="DoubleFixture"/>).</summary>
public class DoubleUsageScannerTests
{
    private static readonly string[] FixtureFindings = DoubleUsageScanner.Scan(typeof(DoubleFixture).Assembly.Location)
        .Where(f => f.Member.StartsWith(typeof(DoubleFixture).FullName + ".", System.StringComparison.Ordinal))
        .Select(f => f.Member.Substring(typeof(DoubleFixture).FullName!.Length + 1) + ": " + f.What)
        .ToArray();

    [Fact]
    public void FindsDoubleInSignature() =>
        Assert.Contains(FixtureFindings, f => f.StartsWith("TakesAndReturnsDouble: signature", System.StringComparison.Ordinal));

    [Fact]
    public void FindsDoubleLiteralAndConversion()
    {
        Assert.Contains(FixtureFindings, f => f.StartsWith("MultipliesInDouble: ldc.r8 0.5", System.StringComparison.Ordinal));
        Assert.Contains(FixtureFindings, f => f.StartsWith("MultipliesInDouble: conv.r8", System.StringComparison.Ordinal));
    }

    [Fact]
    public void FindsUnsignedToFloatConversion() =>
        Assert.Contains(FixtureFindings, f => f.StartsWith("ConvertsUnsigned: conv.r.un", System.StringComparison.Ordinal));

    [Fact]
    public void IgnoresFloatOnlyCode() =>
        Assert.DoesNotContain(FixtureFindings, f => f.StartsWith("FloatOnly", System.StringComparison.Ordinal));

    [Fact]
    public void ReportsSourceLines()
    {
        var finding = DoubleUsageScanner.Scan(typeof(DoubleFixture).Assembly.Location)
            .First(f => f.Member.EndsWith(".MultipliesInDouble", System.StringComparison.Ordinal));
        Assert.Matches(@"DoubleFixture\.cs:\d+$", finding.Source);
    }
}
