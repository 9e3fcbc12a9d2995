using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Mean;

/// <summary>MEAN. Expectations are means computed here in double over the same axes (or derived by hand).</summary>
public class MeanTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, int[] axes, TestTensor output, bool keepDims) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.MEAN),
            new[] { input, TestTensor.Int32(new[] { axes.Length }, axes, isConstant: true), output },
            new[] { 0, 1 }, new[] { 2 }, BuiltinOperator.MEAN, (byte)BuiltinOptions.ReducerOptions, new FbTable().Scalar(0, keepDims));

    /// <summary>Mean over <paramref name="axes"/> (already non-negative, distinct), outputs in row-major order of the kept dims.</summary>
    private static double[] RealMean(double[] x, int[] shape, int[] axes)
    {
        int[] kept = Enumerable.Range(0, shape.Length).Where(d => !axes.Contains(d)).ToArray();
        int outputs = kept.Aggregate(1, (p, d) => p * shape[d]);
        double[] sums = new double[outputs];
        int[] counts = new int[outputs];
        int[] index = new int[shape.Length];
        for (int flat = 0; flat < x.Length; flat++)
        {
            int rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--) { index[d] = rest % shape[d]; rest /= shape[d]; }
            int target = 0;
            foreach (int d in kept) target = target * shape[d] + index[d];
            sums[target] += x[flat];
            counts[target]++;
        }
        return sums.Select((s, i) => s / counts[i]).ToArray();
    }

    private static float[] Ramp(int count, float scale, float offset) =>
        Enumerable.Range(0, count).Select(i => (i * 7 % 13) * scale + offset).ToArray();

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatHeightWidthOf4DWithKeepDims(string implementation)
    {
        int[] shape = { 2, 3, 4, 5 };
        float[] input = Ramp(120, 0.37f, -2f);
        using KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), new[] { 2, 1 },
            TestTensor.Float(new[] { 2, 1, 1, 5 }), keepDims: true);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = RealMean(Array.ConvertAll(input, v => (double)v), shape, new[] { 1, 2 });
        float[] actual = runner.Get<float>(2);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatGeneralAxesNegativeAndDuplicated(string implementation)
    {
        int[] shape = { 2, 3, 4 };
        float[] input = Ramp(24, 1.25f, -3f);
        double[] real = Array.ConvertAll(input, v => (double)v);
        // Axes {0, -1, 2}: -1 and 2 are the same axis; the result keeps only dimension 1.
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), new[] { 0, -1, 2 },
            TestTensor.Float(new[] { 3 }), keepDims: false))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = RealMean(real, shape, new[] { 0, 2 });
            float[] actual = runner.Get<float>(2);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        }
        // A single middle axis with keep_dims.
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(shape, input), new[] { 1 },
            TestTensor.Float(new[] { 2, 1, 4 }), keepDims: true))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = RealMean(real, shape, new[] { 1 });
            float[] actual = runner.Get<float>(2);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8SameQuantizationRoundsHalfAwayFromZero(string implementation)
    {
        // Same scale and zero point: the raw sum divided by the count, halves rounded away from zero (what the TFLM
        // goldens show, see mean_int8_hw_samequant). Rows (reduced over the last axis): -3,-2 → -2.5 → -3;
        // 3,2 → 3; -128,-127 → -128; 5,6 → 6.
        sbyte[] input = { -3, -2, 3, 2, -128, -127, 5, 6 };
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 4, 2 }, input, 0.5f, 3), new[] { 1 },
            TestTensor.Int8(new[] { 4 }, null, 0.5f, 3), keepDims: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { -3, 3, -128, 6 }, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8RequantizedIsWithinOneStep(string implementation)
    {
        int[] shape = { 1, 4, 3, 6 };
        Random random = new Random(3);
        sbyte[] input = new sbyte[72];
        for (int i = 0; i < input.Length; i++) input[i] = (sbyte)random.Next(-128, 128);
        const float inputScale = 0.07f, outputScale = 0.03f;
        const int inputZeroPoint = -5, outputZeroPoint = 12;
        // The 4D height/width axes (no special path for integers in TFLM) and keep_dims.
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(shape, input, inputScale, inputZeroPoint), new[] { 1, 2 },
            TestTensor.Int8(new[] { 1, 1, 1, 6 }, null, outputScale, outputZeroPoint), keepDims: true);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] real = Array.ConvertAll(input, v => inputScale * (v - inputZeroPoint) * 1.0);
        double[] expected = RealMean(real, shape, new[] { 1, 2 });
        sbyte[] actual = runner.Get<sbyte>(2);
        for (int i = 0; i < expected.Length; i++)
        {
            double q = Math.Clamp(expected[i] / outputScale + outputZeroPoint, -128, 127);
            Assert.True(Math.Abs(actual[i] - q) <= 1.0, $"output {i}: got {actual[i]}, expected {q:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16RequantizedAllAxes(string implementation)
    {
        int[] shape = { 3, 5 };
        short[] input = { -32768, 32767, 1000, -1000, 5, 20000, 20000, 20000, 20000, 20000, -7, 8, 9, 10, 11 };
        const float inputScale = 0.001f, outputScale = 0.0005f;
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(shape, input, inputScale, 0), new[] { 0, 1 },
            TestTensor.Int16(new[] { 1 }, null, outputScale, 0), keepDims: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double expected = input.Average(v => (double)v) * inputScale / outputScale;
        Assert.True(Math.Abs(runner.Get<short>(2)[0] - expected) <= 1.0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadAxesTypesAndOutputSizes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, new float[6]), new[] { 2 },
            TestTensor.Float(new[] { 2 }), keepDims: false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("axis 2 is out of range for input rank 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, new float[6]), new[] { 1 },
            TestTensor.Float(new[] { 3 }), keepDims: false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("the reduction leaves 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.MEAN),
            new[] { TestTensor.Float(new[] { 2, 3 }, new float[6]), TestTensor.Float(new[] { 1 }, new[] { 1f }, isConstant: true), TestTensor.Float(new[] { 2 }) },
            new[] { 0, 1 }, new[] { 2 }, BuiltinOperator.MEAN, (byte)BuiltinOptions.ReducerOptions, new FbTable().Scalar(0, false)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("axis tensor 1 has type FLOAT32, expected INT32", runner.Errors.MessageText);
        }
    }
}
