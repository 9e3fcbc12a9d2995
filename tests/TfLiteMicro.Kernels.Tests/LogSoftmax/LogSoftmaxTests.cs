using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.LogSoftmax;

/// <summary>LOG_SOFTMAX over the last dimension. Expectations: x − max − ln Σ e^(x − max) per row, in double.</summary>
public class LogSoftmaxTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.LOG_SOFTMAX), new[] { input, output }, new[] { 0 }, new[] { 1 },
            BuiltinOperator.LOG_SOFTMAX);

    private static double[] Real(double[] x, int depth)
    {
        double[] y = new double[x.Length];
        for (int row = 0; row < x.Length / depth; row++)
        {
            double[] r = x.Skip(row * depth).Take(depth).ToArray();
            double max = r.Max();
            double logSum = Math.Log(r.Sum(v => Math.Exp(v - max)));
            for (int c = 0; c < depth; c++) y[row * depth + c] = r[c] - max - logSum;
        }
        return y;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Float(string implementation)
    {
        float[] input = Enumerable.Range(0, 24).Select(i => (i * 7 % 11) * 0.8f - 4f).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3, 4 }, input), TestTensor.Float(new[] { 2, 3, 4 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = Real(Array.ConvertAll(input, v => (double)v), 4);
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < input.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8(string implementation)
    {
        sbyte[] input = Enumerable.Range(0, 28).Select(i => (sbyte)((i * 61) % 256 - 128)).ToArray();
        foreach ((float scale, int zeroPoint) in new[] { (0.1f, -5), (0.02f, 0), (0.5f, 30) })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 2, 2, 7 }, input, scale, zeroPoint),
                TestTensor.Int8(new[] { 2, 2, 7 }, null, 16f / 256, 127));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = Real(input.Select(q => (double)scale * (q - zeroPoint)).ToArray(), 7);
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < input.Length; i++)
            {
                double step = Math.Clamp(expected[i] * 16 + 127, -128, 127);
                Assert.True(Math.Abs(actual[i] - step) <= 1.0, $"scale {scale}, element {i}: got {actual[i]}, expected {step:F3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsOtherInt8OutputQuantizationAndShapes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 2, 4 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2, 4 }, null, 1f / 256, -128)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("needs 0.0625 and 127", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 4 }), TestTensor.Float(new[] { 4, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("must have the shape of input tensor 0", runner.Errors.MessageText);
        }
    }
}
