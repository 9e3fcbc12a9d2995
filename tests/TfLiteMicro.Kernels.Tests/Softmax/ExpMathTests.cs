using System;
using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Softmax;

/// <summary>The exponentials standing in for C expf: checked against the host's double-precision exp.</summary>
public class ExpMathTests
{
    private static float ReferenceExpf(float x) => (float)Math.Exp(x);

    private static int UlpDistance(float a, float b) =>
        Math.Abs(BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));

    [Fact]
    public void CorrectlyRoundedExpMatchesTheHostOnTheSoftmaxTableGrid()
    {
        // The arguments the int16 softmax table generator feeds it: -10 + i·step and the half steps.
        float step = 10f / 512;
        for (int i = 0; i <= 1024; i++)
        {
            float x = -10f + i * (step / 2);
            Assert.Equal(ReferenceExpf(x), ExpMath.ExpCorrectlyRounded(x));
        }
    }

    [Fact]
    public void CorrectlyRoundedExpMatchesTheHostOnRandomArguments()
    {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            float x = (float)(random.NextDouble() * 180 - 95);
            Assert.Equal(ReferenceExpf(x), ExpMath.ExpCorrectlyRounded(x));
        }
        Assert.Equal(1f, ExpMath.ExpCorrectlyRounded(0f));
        Assert.Equal(float.PositiveInfinity, ExpMath.ExpCorrectlyRounded(100f));
        Assert.Equal(0f, ExpMath.ExpCorrectlyRounded(-120f));
    }

    [Fact]
    public void FloatExpIsWithinTwoUlps()
    {
        Random random = new Random(5);
        for (int i = 0; i < 20000; i++)
        {
            float x = (float)(random.NextDouble() * 170 - 85);
            Assert.True(UlpDistance(ReferenceExpf(x), ExpMath.Exp(x)) <= 2, $"exp({x:R})");
        }
        Assert.Equal(1f, ExpMath.Exp(0f));
        Assert.Equal(float.PositiveInfinity, ExpMath.Exp(89f));
        Assert.True(float.IsNaN(ExpMath.Exp(float.NaN)));
        // Subnormal results stay close too (absolute error well below the smallest normal float).
        Assert.True(Math.Abs(ExpMath.Exp(-100f) - ReferenceExpf(-100f)) < 1e-44);
    }
}
