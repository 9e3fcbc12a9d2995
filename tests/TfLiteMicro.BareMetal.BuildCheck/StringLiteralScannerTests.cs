using System.Linq;
using Xunit;

namespace TfLiteMicro.BareMetal.BuildCheck;

public class StringLiteralScannerTests
{
    private static string Sample() => "a UTF-16 literal for the scanner to find";

    [Fact]
    public void FindsLdstrWithItsSourceLine()
    {
        Assert.NotEmpty(Sample());
        var findings = StringLiteralScanner.Scan(typeof(StringLiteralScannerTests).Assembly.Location);
        // Built at run time so that this method's own literals do not match too.
        string member = typeof(StringLiteralScannerTests).Name + "." + nameof(Sample) + ":";
        string finding = Assert.Single(findings, f => f.Contains(member));
        Assert.Contains("StringLiteralScannerTests.cs:", finding);
        Assert.Contains("a UTF-16 literal for the scanner to find", finding);
    }
}
