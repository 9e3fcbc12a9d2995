using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Pooling;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D. Expectations come from a direct NHWC pooling written here: windows clipped to
/// the input (SAME padding puts the extra row/column at the end), averages over the elements actually covered,
/// integer averages rounded half away from zero.
/// </summary>
public class PoolingTests
{
    // TFLM pooling_test.cc: 1x2x4x1 input, 2x2 filter, stride 2, VALID.
    private static readonly float[] SmallInput = { 0, 6, 2, 4, 3, 2, 10, 7 };

    private static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, TestTensor output,
        Padding padding, int strideH, int strideW, int filterH, int filterW, ActivationFunctionType activation = ActivationFunctionType.NONE) =>
        new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, output }, new[] { 0 }, new[] { 1 }, op,
            (byte)BuiltinOptions.Pool2DOptions,
            new FbTable().Scalar(0, (sbyte)padding).Scalar(1, strideW).Scalar(2, strideH).Scalar(3, filterW).Scalar(4, filterH).Scalar(5, (sbyte)activation));

    private static int OutputSize(Padding padding, int size, int filter, int stride) =>
        padding == Padding.SAME ? (size + stride - 1) / stride : (size - filter + stride) / stride;

    /// <summary>Pools <paramref name="input"/> (NHWC); returns per output the max or the mean (real) of the covered elements.</summary>
    private static double[] Pool(double[] input, int[] shape, Padding padding, int strideH, int strideW, int filterH, int filterW, bool max)
    {
        int batches = shape[0], height = shape[1], width = shape[2], depth = shape[3];
        int outH = OutputSize(padding, height, filterH, strideH), outW = OutputSize(padding, width, filterW, strideW);
        int padH = Math.Max(0, ((outH - 1) * strideH + filterH - height) / 2);
        int padW = Math.Max(0, ((outW - 1) * strideW + filterW - width) / 2);
        double[] result = new double[batches * outH * outW * depth];
        int k = 0;
        for (int b = 0; b < batches; b++)
            for (int oy = 0; oy < outH; oy++)
                for (int ox = 0; ox < outW; ox++)
                    for (int c = 0; c < depth; c++)
                    {
                        double best = double.NegativeInfinity, sum = 0;
                        int count = 0;
                        for (int fy = 0; fy < filterH; fy++)
                            for (int fx = 0; fx < filterW; fx++)
                            {
                                int y = oy * strideH - padH + fy, x = ox * strideW - padW + fx;
                                if (y < 0 || y >= height || x < 0 || x >= width) continue;
                                double v = input[((b * height + y) * width + x) * depth + c];
                                best = Math.Max(best, v);
                                sum += v;
                                count++;
                            }
                        result[k++] = max ? best : sum / count;
                    }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatTflmVectors(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.AVERAGE_POOL_2D, TestTensor.Float(new[] { 1, 2, 4, 1 }, SmallInput),
            TestTensor.Float(new[] { 1, 1, 2, 1 }), Padding.VALID, 2, 2, 2, 2))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 2.75f, 5.75f }, runner.Get<float>(1));
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.MAX_POOL_2D, TestTensor.Float(new[] { 1, 2, 4, 1 }, SmallInput),
            TestTensor.Float(new[] { 1, 1, 2, 1 }), Padding.VALID, 2, 2, 2, 2))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 6f, 10f }, runner.Get<float>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSamePaddingAndRelu6(string implementation)
    {
        int[] shape = { 2, 5, 4, 3 };
        Random random = new Random(9);
        float[] input = new float[120];
        for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 16 - 8);
        double[] real = Array.ConvertAll(input, v => (double)v);
        foreach (bool max in new[] { false, true })
        {
            BuiltinOperator op = max ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D;
            using KernelRunner runner = Runner(implementation, op, TestTensor.Float(shape, input), TestTensor.Float(new[] { 2, 3, 2, 3 }),
                Padding.SAME, 2, 2, 3, 3, ActivationFunctionType.RELU6);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = Pool(real, shape, Padding.SAME, 2, 2, 3, 3, max);
            float[] actual = runner.Get<float>(1);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(Math.Clamp(expected[i], 0, 6), actual[i], 5);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AverageRoundsHalfAwayFromZeroAndMaxIsExact(string implementation)
    {
        int[] shape = { 1, 4, 6, 2 };
        Random random = new Random(21);
        sbyte[] input = new sbyte[48];
        for (int i = 0; i < input.Length; i++) input[i] = (sbyte)random.Next(-128, 128);
        double[] real = Array.ConvertAll(input, v => (double)v);
        foreach (bool max in new[] { false, true })
        {
            BuiltinOperator op = max ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D;
            using KernelRunner runner = Runner(implementation, op, TestTensor.Int8(shape, input, 0.5f, -3),
                TestTensor.Int8(new[] { 1, 2, 3, 2 }, null, 0.5f, -3), Padding.SAME, 2, 2, 2, 3);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = Pool(real, shape, Padding.SAME, 2, 2, 2, 3, max);
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(Math.Round(expected[i], MidpointRounding.AwayFromZero), actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithReluClampsAtTheZeroPoint(string implementation)
    {
        int[] shape = { 1, 3, 3, 1 };
        short[] input = { -30000, 5, 7, -2, 32767, -32768, 100, 101, -1 };
        double[] real = Array.ConvertAll(input, v => (double)v);
        foreach (bool max in new[] { false, true })
        {
            BuiltinOperator op = max ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D;
            using KernelRunner runner = Runner(implementation, op, TestTensor.Int16(shape, input, 0.01f, 0),
                TestTensor.Int16(new[] { 1, 2, 2, 1 }, null, 0.01f, 0), Padding.VALID, 1, 1, 2, 2, ActivationFunctionType.RELU);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = Pool(real, shape, Padding.VALID, 1, 1, 2, 2, max);
            short[] actual = runner.Get<short>(1);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(Math.Max(0, Math.Round(expected[i], MidpointRounding.AwayFromZero)), actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadShapesOptionsAndQuantization(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.AVERAGE_POOL_2D, TestTensor.Float(new[] { 1, 2, 4, 1 }, SmallInput),
            TestTensor.Float(new[] { 1, 1, 3, 1 }), Padding.VALID, 2, 2, 2, 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("should be [1, 1, 2, 1]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.MAX_POOL_2D, TestTensor.Float(new[] { 1, 2, 4, 1 }, SmallInput),
            TestTensor.Float(new[] { 1, 1, 2, 1 }), Padding.VALID, 0, 2, 2, 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("must be positive", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.AVERAGE_POOL_2D, TestTensor.Int8(new[] { 1, 2, 2, 1 }, new sbyte[4], 0.5f, 0),
            TestTensor.Int8(new[] { 1, 1, 1, 1 }, null, 0.25f, 0), Padding.VALID, 2, 2, 2, 2))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("differ", runner.Errors.MessageText);
        }
    }
}
