using Xunit;

namespace TfLiteMicro.Kernels.Tests.Svdf;

/// <summary>The SVDF layers of TFLM's keyword_scrambled models against TFLM's own per-op trace (case 0).</summary>
public class SvdfGoldenTests
{
    [Theory]
    [InlineData("keyword_scrambled")]
    [InlineData("keyword_scrambled_8bit")]
    public void SvdfLayersMatchTflmTrace(string model)
    {
        int compared = SequenceModelTrace.CompareWithTflm(model, "SVDF");
        Assert.True(compared >= 8, "only " + compared + " op outputs were compared");
    }
}
