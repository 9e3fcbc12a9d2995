using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Softmax;

/// <summary>
/// SOFTMAX. Expectations are the real softmax computed here in double; the inputs and shapes are those of TFLM's
/// softmax_test.cc, and so are its tolerances for quantized outputs (1 step for int8, 7 for int16).
/// </summary>
public class SoftmaxTests
{
    private static readonly float[] Input2D = { 1, 2, 3, 4, 5, -1, -2, -3, -4, -5 };

    // TFLM's 3D case: three rows-of-rows of five, with large spreads that push some exps below the int8 cutoff.
    private static readonly float[] Input3D =
    {
        3, 6, -5, 4, -9, -10, -10, -8, 2, 2, 8, -5, -8, 5, -6, -8, 6, 1, -10, -8,
        7, 6, -10, -4, -5, 2, 7, 9, -9, 7, -4, -2, 8, 2, 2, 3, 6, 6, 2, 4,
        9, 7, -7, 0, 4, -3, 8, 8, -3, -4, -9, -9, 4, -8, -1, -10, -2, 6, -7, 0,
    };

    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output, float beta) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.SOFTMAX), new[] { input, output },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.SOFTMAX, (byte)BuiltinOptions.SoftmaxOptions, new FbTable().Scalar(0, beta));

    /// <summary>Row-wise softmax of x·beta over rows of <paramref name="depth"/>, in double.</summary>
    private static double[] RealSoftmax(float[] x, int depth, double beta)
    {
        double[] y = new double[x.Length];
        for (int row = 0; row < x.Length / depth; row++)
        {
            double max = double.MinValue;
            for (int c = 0; c < depth; c++) max = Math.Max(max, x[row * depth + c]);
            double sum = 0;
            for (int c = 0; c < depth; c++) sum += Math.Exp((x[row * depth + c] - max) * beta);
            for (int c = 0; c < depth; c++) y[row * depth + c] = Math.Exp((x[row * depth + c] - max) * beta) / sum;
        }
        return y;
    }

    private static T[] Quantize<T>(float[] values, float scale, int zeroPoint, Func<int, T> narrow, int min, int max)
    {
        T[] result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int q = (int)Math.Round(values[i] / scale, MidpointRounding.AwayFromZero) + zeroPoint;
            result[i] = narrow(Math.Clamp(q, min, max));
        }
        return result;
    }

    private static void AssertNear(double[] expectedReal, float scale, int zeroPoint, int[] actual, double tolerance)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            double expected = expectedReal[i] / scale + zeroPoint;
            Assert.True(Math.Abs(actual[i] - expected) <= tolerance,
                $"element {i}: got {actual[i]}, real value {expected:F3} (tolerance {tolerance})");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesRealSoftmaxOverTheLastDimension(string implementation)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 3, 4, 5 }, Input3D), TestTensor.Float(new[] { 3, 4, 5 }), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = RealSoftmax(Input3D, 5, 1.0);
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < actual.Length; i++) Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-6 + 1e-5 * expected[i], $"element {i}");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAppliesBeta(string implementation)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 5 }, Input2D), TestTensor.Float(new[] { 2, 5 }), 0.5f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = RealSoftmax(Input2D, 5, 0.5);
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 6);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ToInt8IsWithinOneStep(string implementation)
    {
        const float inputScale = 0.1f;
        sbyte[] input = Quantize(Input3D, inputScale, 0, v => (sbyte)v, -128, 127);
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 3, 4, 5 }, input, inputScale, 0),
            TestTensor.Int8(new[] { 3, 4, 5 }, null, 1f / 256, -128), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertNear(RealSoftmax(Input3D, 5, 1.0), 1f / 256, -128, Array.ConvertAll(runner.Get<sbyte>(1), v => (int)v), 1.0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ToInt16IsWithinOneStep(string implementation)
    {
        const float inputScale = 0.1f;
        sbyte[] input = Quantize(Input3D, inputScale, 0, v => (sbyte)v, -128, 127);
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 3, 4, 5 }, input, inputScale, 0),
            TestTensor.Int16(new[] { 3, 4, 5 }, null, 1f / 65536, -32768), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // The fixed-point exp and reciprocal are good to a few 2^-16 steps, not to one.
        AssertNear(RealSoftmax(Input3D, 5, 1.0), 1f / 65536, -32768, Array.ConvertAll(runner.Get<short>(1), v => (int)v), 4.0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithBetaAndZeroPoint(string implementation)
    {
        // Input zero point 10, beta 2: real softmax of 2·x over rows of 5.
        const float inputScale = 0.05f;
        float[] real = { 0.5f, 1f, -1f, 0f, 2f, -3f, -3f, -3f, -3f, -3f };
        sbyte[] input = Quantize(real, inputScale, 10, v => (sbyte)v, -128, 127);
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 2, 5 }, input, inputScale, 10),
            TestTensor.Int8(new[] { 2, 5 }, null, 1f / 256, -128), 2f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertNear(RealSoftmax(real, 5, 2.0), 1f / 256, -128, Array.ConvertAll(runner.Get<sbyte>(1), v => (int)v), 1.0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8FarBelowTheMaximumGivesTheOutputMinimum(string implementation)
    {
        // With scale 1 the differences -255 are far beyond the exp cutoff: exactly the minimum, and the maximum
        // element takes (almost) everything.
        sbyte[] input = { 127, -128, -128, -128 };
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 4 }, input, 1f, 0),
            TestTensor.Int8(new[] { 1, 4 }, null, 1f / 256, -128), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 127, -128, -128, -128 }, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16ToInt16IsWithinTflmTolerance(string implementation)
    {
        const float inputScale = 0.1f;
        short[] input = Quantize(Input3D, inputScale, 0, v => (short)v, short.MinValue, short.MaxValue);
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 3, 4, 5 }, input, inputScale, 0),
            TestTensor.Int16(new[] { 3, 4, 5 }, null, 1f / 32768, 0), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        AssertNear(RealSoftmax(Input3D, 5, 1.0), 1f / 32768, 0, Array.ConvertAll(runner.Get<short>(1), v => (int)v), 7.0);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16UniformRowSplitsEvenly(string implementation)
    {
        // Four equal inputs: each output is 1/4 = 8192 in Q0.15, up to the tables' interpolation error.
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 1, 4 }, new short[] { 300, 300, 300, 300 }, 0.01f, 0),
            TestTensor.Int16(new[] { 1, 4 }, null, 1f / 32768, 0), 1f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        foreach (short value in runner.Get<short>(1)) Assert.InRange(value, 8192 - 7, 8192 + 7);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongOutputQuantizationAndTypes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 4 }, new sbyte[4], 0.1f, 0),
            TestTensor.Int8(new[] { 1, 4 }, null, 1f / 256, 0), 1f))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("zero point 0, SOFTMAX needs -128", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 4 }, new sbyte[4], 0.1f, 0),
            TestTensor.Int8(new[] { 1, 4 }, null, 1f / 128, -128), 1f))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("exactly 1/256", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 1, 4 }, new short[4], 0.1f, 0),
            TestTensor.Int16(new[] { 1, 4 }, null, 1f / 65536, 0), 1f))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("1/32768", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 4 }, new float[4]),
            TestTensor.Int8(new[] { 1, 4 }, null, 1f / 256, -128), 1f))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has type INT8, expected FLOAT32", runner.Errors.MessageText);
        }
    }
}
