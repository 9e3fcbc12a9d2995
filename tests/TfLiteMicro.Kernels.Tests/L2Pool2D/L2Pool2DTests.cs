using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.L2Pool2D;

/// <summary>L2_POOL_2D. Expectations: sqrt(mean of squares) over each window clipped to the input, computed here in double.</summary>
public class L2Pool2DTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output, Padding padding, int strideH, int strideW,
        int filterH, int filterW, int activation) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.L2_POOL_2D), new[] { input, output }, new[] { 0 }, new[] { 1 },
            BuiltinOperator.L2_POOL_2D, (byte)BuiltinOptions.Pool2DOptions,
            new FbTable().Scalar(0, (sbyte)padding).Scalar(1, strideW).Scalar(2, strideH).Scalar(3, filterW).Scalar(4, filterH).Scalar(5, (sbyte)activation));

    private static double[] Real(float[] x, int[] shape, int[] outShape, int strideH, int strideW, int filterH, int filterW, int padH, int padW)
    {
        int n = shape[0], h = shape[1], w = shape[2], d = shape[3];
        double[] y = new double[outShape.Aggregate(1, (a, b) => a * b)];
        int o = 0;
        for (int b = 0; b < n; b++)
        for (int oy = 0; oy < outShape[1]; oy++)
        for (int ox = 0; ox < outShape[2]; ox++)
        for (int c = 0; c < d; c++)
        {
            double sum = 0;
            int count = 0;
            for (int fy = 0; fy < filterH; fy++)
            for (int fx = 0; fx < filterW; fx++)
            {
                int iy = oy * strideH - padH + fy, ix = ox * strideW - padW + fx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                double v = x[((b * h + iy) * w + ix) * d + c];
                sum += v * v;
                count++;
            }
            y[o++] = Math.Sqrt(sum / count);
        }
        return y;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ValidWithUnequalStrides(string implementation)
    {
        int[] shape = { 1, 6, 7, 2 };
        float[] input = Enumerable.Range(0, 84).Select(i => (i * 13 % 17) * 0.25f - 2f).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), TestTensor.Float(new[] { 1, 5, 3, 2 }), Padding.VALID, 1, 2, 2, 3, 0);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = Real(input, shape, new[] { 1, 5, 3, 2 }, 1, 2, 2, 3, 0, 0);
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SamePaddingCountsOnlyCoveredPixelsAndAppliesRelu6(string implementation)
    {
        int[] shape = { 2, 7, 7, 2 };
        float[] input = Enumerable.Range(0, 196).Select(i => (i * 11 % 23) * 0.9f - 9f).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), TestTensor.Float(new[] { 2, 4, 4, 2 }), Padding.SAME, 2, 2, 3, 3, 3);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // SAME, 7 → 4 with stride 2 and filter 3: padding ((4 − 1)·2 + 3 − 7) / 2 = 1.
        double[] expected = Real(input, shape, new[] { 2, 4, 4, 2 }, 2, 2, 3, 3, 1, 1);
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(Math.Min(6, expected[i]), actual[i], 1e-5);
        Assert.Contains(6f, actual);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongOutputShapesAndQuantizedTypes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 4, 4, 1 }), TestTensor.Float(new[] { 1, 3, 3, 1 }),
            Padding.VALID, 2, 2, 2, 2, 0))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("should be [1, 2, 2, 1]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 4, 4, 1 }, null, 0.1f, 0),
            TestTensor.Int8(new[] { 1, 2, 2, 1 }, null, 0.1f, 0), Padding.VALID, 2, 2, 2, 2, 0))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT8", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 4, 4, 1 }), TestTensor.Float(new[] { 1, 2, 2, 1 }),
            Padding.VALID, 0, 2, 2, 2, 0))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("must be positive", runner.Errors.MessageText);
        }
    }
}
