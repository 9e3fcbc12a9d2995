using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Conv;

/// <summary>
/// CONV_2D against TFLM's own test vector (checked by hand) and against <see cref="ConvolutionReference"/> over a sweep
/// of shapes, paddings, strides, dilations, groups and activations, for float32, int8 and int16x8.
/// </summary>
public class Conv2DTests
{
    /// <summary>One geometry of the sweep: input [N,H,W,C], filter [O,FH,FW,FC] (C/FC groups).</summary>
    public sealed record Geometry(int N, int H, int W, int C, int O, int FH, int FW, int FC, bool Same,
        int StrideH, int StrideW, int DilationH, int DilationW, ActivationFunctionType Activation, bool HasBias)
    {
        public int[] InputShape => new[] { N, H, W, C };
        public int[] FilterShape => new[] { O, FH, FW, FC };
        public int[] OutputShape => new[]
        {
            N, ConvolutionReference.OutputSize(Same, H, FH, StrideH, DilationH),
            ConvolutionReference.OutputSize(Same, W, FW, StrideW, DilationW), O,
        };
        public FbTable Options => Conv2DTests.Options(Same ? Padding.SAME : Padding.VALID, StrideW, StrideH, Activation, DilationW, DilationH);
    }

    public static readonly Geometry[] Sweep =
    {
        new(1, 4, 5, 3, 2, 3, 3, 3, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true),
        new(2, 5, 4, 2, 3, 2, 3, 2, false, 1, 1, 1, 1, ActivationFunctionType.RELU, true),
        new(1, 7, 6, 4, 5, 3, 3, 4, true, 2, 2, 1, 1, ActivationFunctionType.NONE, false),
        new(1, 8, 9, 3, 4, 3, 2, 3, true, 2, 3, 1, 1, ActivationFunctionType.RELU6, true),
        new(1, 9, 9, 2, 3, 3, 3, 2, true, 1, 1, 2, 3, ActivationFunctionType.NONE, true),
        new(1, 9, 10, 2, 2, 3, 3, 2, false, 2, 1, 2, 2, ActivationFunctionType.RELU_N1_TO_1, true),
        new(1, 6, 6, 4, 6, 3, 3, 2, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true), // 2 groups
        new(2, 5, 5, 6, 3, 1, 1, 2, false, 1, 1, 1, 1, ActivationFunctionType.NONE, true), // 3 groups, 1x1
        new(1, 1, 12, 16, 8, 1, 5, 16, true, 1, 2, 1, 1, ActivationFunctionType.NONE, true), // seanet-like 1D
        new(1, 3, 3, 1, 1, 5, 5, 1, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true), // filter larger than input
    };

    internal static FbTable Options(Padding padding, int strideW, int strideH, ActivationFunctionType activation,
        int dilationW = 1, int dilationH = 1) =>
        new FbTable().Scalar(0, (sbyte)padding).Scalar(1, strideW).Scalar(2, strideH).Scalar(3, (sbyte)activation)
            .Scalar(4, dilationW).Scalar(5, dilationH);

    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, FbTable options) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONV_2D), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.CONV_2D,
            (byte)BuiltinOptions.Conv2DOptions, options, arenaBytes: 1 << 18);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesTflmSimpleTest(string implementation)
    {
        // TFLM conv_test.cc SimpleTestFloat: 2 images 2×4, three 2×2 filters, stride 2, VALID. First output by hand:
        // [1 1; 2 2] · [1 2; 3 4] = 17, + bias 1 = 18.
        float[] input = { 1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4, 1, 2, 3, 4 };
        float[] filter = { 1, 2, 3, 4, -1, 1, -1, 1, -1, -1, 1, 1 };
        float[] bias = { 1, 2, 3 };
        float[] golden = { 18, 2, 5, 18, 2, 5, 17, 4, 3, 37, 4, 3 };
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 2, 4, 1 }, input),
            TestTensor.Float(new[] { 3, 2, 2, 1 }, filter, isConstant: true),
            TestTensor.Float(new[] { 3 }, bias, isConstant: true),
            TestTensor.Float(new[] { 2, 1, 2, 3 }),
        }, hasBias: true, Options(Padding.VALID, 2, 2, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(golden, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesNaiveConvolution(string implementation)
    {
        Random random = new Random(11);
        foreach (Geometry g in Sweep)
        {
            float[] input = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.InputShape));
            float[] filter = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.FilterShape));
            float[] bias = ConvolutionReference.RandomFloats(random, g.O);
            double[] expected = ConvolutionReference.Conv2D(ConvolutionReference.ToDouble(input), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? ConvolutionReference.ToDouble(bias) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Float(g.InputShape, input),
                TestTensor.Float(g.FilterShape, filter, isConstant: true),
                TestTensor.Float(new[] { g.O }, bias, isConstant: true),
                TestTensor.Float(g.OutputShape),
            }, g.HasBias, g.Options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertClose(expected, runner.Get<float>(3), g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PerChannelMatchesNaiveConvolutionWithinOne(string implementation)
    {
        Random random = new Random(12);
        foreach (Geometry g in Sweep)
        {
            const float inputScale = 0.05f;
            const int inputZeroPoint = -7;
            sbyte[] input = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.InputShape));
            sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
            float[] filterScales = new float[g.O];
            for (int c = 0; c < g.O; c++) filterScales[c] = 0.004f * (1 + c % 3);
            int[] bias = new int[g.O];
            for (int c = 0; c < g.O; c++) bias[c] = random.Next(-3000, 3000);
            double[] sums = ConvolutionReference.Conv2D(ConvolutionReference.ToDouble(input, inputZeroPoint), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            float outputScale = OutputScaleFor(sums, inputScale, filterScales, 100);
            const int outputZeroPoint = 5;

            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int8(g.InputShape, input, inputScale, inputZeroPoint),
                TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales),
                TestTensor.Int32(new[] { g.O }, bias, isConstant: true),
                TestTensor.Int8(g.OutputShape, null, outputScale, outputZeroPoint),
            }, g.HasBias, g.Options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertQuantizedWithin(sums, runner.Get<sbyte>(3), 1, inputScale, filterScales, outputScale, outputZeroPoint,
                -128, 127, g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithUnitScalesIsExactIncludingZeroPointsAndRelu(string implementation)
    {
        // Scales of 1 make the requantization exact: out = clamp(Σ w·(x − zpIn) + bias + zpOut), Relu clamps at zpOut.
        Random random = new Random(13);
        Geometry g = new(1, 5, 5, 3, 4, 3, 3, 3, true, 1, 1, 1, 1, ActivationFunctionType.RELU, true);
        sbyte[] input = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.InputShape), -20, 20);
        sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -3, 3);
        int[] bias = { 40, -40, 0, 7 };
        const int inputZeroPoint = 3;
        const int outputZeroPoint = -10;
        double[] sums = ConvolutionReference.Conv2D(ConvolutionReference.ToDouble(input, inputZeroPoint), g.InputShape,
            ConvolutionReference.ToDouble(filter), g.FilterShape, Array.ConvertAll(bias, b => (double)b),
            g.OutputShape, g.Same, 1, 1, 1, 1);
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int8(g.InputShape, input, 1f, inputZeroPoint),
            new TestTensor(TensorType.Int8, g.FilterShape, TfLiteModelBuilder.Bytes(filter), new[] { 1f }, new long[] { 0 }, isConstant: true),
            TestTensor.Int32(new[] { g.O }, bias, isConstant: true),
            TestTensor.Int8(g.OutputShape, null, 1f, outputZeroPoint),
        }, hasBias: true, g.Options);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(3);
        bool sawClamp = false;
        for (int i = 0; i < sums.Length; i++)
        {
            int expected = Math.Clamp((int)sums[i] + outputZeroPoint, outputZeroPoint, 127);
            sawClamp |= expected == outputZeroPoint;
            Assert.Equal(expected, actual[i]);
        }
        Assert.True(sawClamp);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithInt64BiasMatchesNaiveConvolution(string implementation)
    {
        RunInt16(implementation, TensorType.Int64, seed: 21);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithInt32BiasOrNoneMatchesNaiveConvolution(string implementation)
    {
        RunInt16(implementation, TensorType.Int32, seed: 22);
    }

    private static void RunInt16(string implementation, TensorType biasType, int seed)
    {
        Random random = new Random(seed);
        foreach (Geometry g in Sweep)
        {
            const float inputScale = 0.0005f;
            short[] input = ConvolutionReference.RandomInt16(random, ConvolutionReference.Count(g.InputShape));
            // Extremes present in every case.
            input[0] = short.MinValue;
            input[input.Length - 1] = short.MaxValue;
            sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
            float[] filterScales = new float[g.O];
            for (int c = 0; c < g.O; c++) filterScales[c] = 0.003f * (1 + c % 4);
            long[] bias = new long[g.O];
            for (int c = 0; c < g.O; c++) bias[c] = random.Next(-400000, 400000);
            double[] sums = ConvolutionReference.Conv2D(ConvolutionReference.ToDouble(input), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            float outputScale = OutputScaleFor(sums, inputScale, filterScales, 20000);
            TestTensor biasTensor = biasType == TensorType.Int64
                ? TestTensor.Int64(new[] { g.O }, bias, isConstant: true)
                : TestTensor.Int32(new[] { g.O }, Array.ConvertAll(bias, b => (int)b), isConstant: true);
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int16(g.InputShape, input, inputScale, 0),
                TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales),
                biasTensor,
                TestTensor.Int16(g.OutputShape, null, outputScale, 0),
            }, g.HasBias, g.Options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertQuantizedWithin(sums, runner.Get<short>(3), 2, inputScale, filterScales, outputScale, 0,
                short.MinValue, short.MaxValue, g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithoutInt64BiasAccumulatesInInt32AndWrapsLikeTflm(string implementation)
    {
        // 600 products of 32767 · 127 sum to 2 496 845 400 > 2^31: TFLM's int32-accumulator kernel (int32 bias or no
        // bias) wraps, its int64-bias kernel does not. Effective scale 2^-20.
        const int depth = 600;
        short[] input = new short[depth];
        sbyte[] filter = new sbyte[depth];
        Array.Fill(input, short.MaxValue);
        Array.Fill(filter, (sbyte)127);
        long exact = (long)depth * short.MaxValue * 127;
        int wrapped = unchecked((int)exact);
        foreach (bool int64Bias in new[] { false, true })
        {
            TestTensor bias = int64Bias
                ? TestTensor.Int64(new[] { 1 }, new long[] { 0 }, isConstant: true)
                : TestTensor.Int32(new[] { 1 }, new[] { 0 }, isConstant: true);
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int16(new[] { 1, 1, 1, depth }, input, 1f, 0),
                new TestTensor(TensorType.Int8, new[] { 1, 1, 1, depth }, TfLiteModelBuilder.Bytes(filter), new[] { 1f }, new long[] { 0 }, isConstant: true),
                bias,
                TestTensor.Int16(new[] { 1, 1, 1, 1 }, null, 1048576f, 0),
            }, hasBias: true, Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double expected = (int64Bias ? exact : wrapped) / 1048576.0;
            Assert.InRange(runner.Get<short>(3)[0], Math.Round(expected) - 1, Math.Round(expected) + 1);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OutputLargerThanTheComputedSizeSkipsWindowsOutsideTheInput(string implementation)
    {
        // Like TFLM, the loops follow the output tensor (3×3) while padding comes from the computed size (1×1, VALID,
        // stride 2): pixels whose 1×1 window (2y, 2x) falls outside the 2×2 input get just the bias.
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 2, 2, 1 }, new float[] { 1, 2, 3, 4 }),
            TestTensor.Float(new[] { 1, 1, 1, 1 }, new float[] { 2 }, isConstant: true),
            TestTensor.Float(new[] { 1 }, new float[] { 0.5f }, isConstant: true),
            TestTensor.Float(new[] { 1, 3, 3, 1 }),
        }, hasBias: true, Options(Padding.VALID, 2, 2, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 2.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f }, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadTensorsAndOptions(string implementation)
    {
        TestTensor input = TestTensor.Int8(new[] { 1, 4, 4, 2 }, null, 0.5f, 0);
        TestTensor filter = TestTensor.Int8PerChannel(new[] { 3, 3, 3, 2 }, new sbyte[54], new[] { 0.1f, 0.1f, 0.1f });
        TestTensor bias = TestTensor.Int32(new[] { 3 }, new int[3], isConstant: true);
        TestTensor output = TestTensor.Int8(new[] { 1, 4, 4, 3 }, null, 0.5f, 0);
        FbTable same = Options(Padding.SAME, 1, 1, ActivationFunctionType.NONE);

        AssertRejected(implementation, new[] { input, filter, TestTensor.Int64(new[] { 3 }, new long[3], isConstant: true), output },
            same, "bias");
        AssertRejected(implementation, new[] { TestTensor.Int8(new[] { 4, 4, 2 }, null, 0.5f, 0), filter, bias, output }, same, "4D");
        AssertRejected(implementation, new[] { input, filter, bias, TestTensor.Float(new[] { 1, 4, 4, 3 }) }, same, "output");
        // Hybrid (float32 input, int8 weights) runs, but only with constant weights (they are dequantized at Prepare).
        AssertRejected(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 4, 4, 2 }),
            new TestTensor(TensorType.Int8, new[] { 3, 3, 3, 2 }, null, new[] { 0.1f, 0.1f, 0.1f }, new long[3]),
            TestTensor.Float(new[] { 3 }), TestTensor.Float(new[] { 1, 4, 4, 3 }),
        }, same, "constant");
        AssertRejected(implementation, new[] { TestTensor.Int8(new[] { 1, 4, 4, 3 }, null, 0.5f, 0), filter, bias, output }, same,
            "multiple of the filter depth");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(new[] { 3, 3, 3, 2 }, new sbyte[54], new[] { 0.1f, 0.1f }), bias, output,
        }, same, "scales");
        AssertRejected(implementation, new[] { input, filter, bias, output }, Options(Padding.SAME, 0, 1, ActivationFunctionType.NONE),
            "strides");
        AssertRejected(implementation, new[] { input, filter, bias, output },
            Options(Padding.SAME, 1, 1, ActivationFunctionType.NONE, dilationW: 0), "dilations");
        AssertRejected(implementation, new[] { input, filter, bias, output }, Options((Padding)7, 1, 1, ActivationFunctionType.NONE),
            "padding");
        AssertRejected(implementation, new[] { input, filter, bias, output }, Options(Padding.SAME, 1, 1, (ActivationFunctionType)9),
            "activation");
        AssertRejected(implementation, new[] { input, filter, TestTensor.Int32(new[] { 2 }, new int[2], isConstant: true), output },
            same, "bias");
        AssertRejected(implementation, new[] { TestTensor.Int32(new[] { 1, 4, 4, 2 }, null), filter, bias, TestTensor.Int32(new[] { 1, 4, 4, 3 }, null) },
            same, "INT32");
    }

    private static void AssertRejected(string implementation, TestTensor[] tensors, FbTable options, string messagePart)
    {
        using KernelRunner runner = Runner(implementation, tensors, hasBias: true, options);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains(messagePart, runner.Errors.MessageText, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An output scale that maps the largest |real output| to about <paramref name="targetMax"/> steps.</summary>
    internal static float OutputScaleFor(double[] sums, float inputScale, float[] channelScales, double targetMax)
    {
        int channels = channelScales.Length;
        double largest = 1e-9;
        for (int i = 0; i < sums.Length; i++)
            largest = Math.Max(largest, Math.Abs(sums[i] * inputScale * channelScales[i % channels]));
        return (float)(largest / targetMax);
    }

    internal static void AssertClose(double[] expected, float[] actual, ActivationFunctionType activation, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = ClampFloat(expected[i], activation);
            Assert.True(Math.Abs(e - actual[i]) <= 1e-5 * (1 + Math.Abs(e)), what + " element " + i + ": expected " + e + ", got " + actual[i]);
        }
    }

    internal static double ClampFloat(double value, ActivationFunctionType activation) => activation switch
    {
        ActivationFunctionType.RELU => Math.Max(0, value),
        ActivationFunctionType.RELU6 => Math.Clamp(value, 0, 6),
        ActivationFunctionType.RELU_N1_TO_1 => Math.Clamp(value, -1, 1),
        _ => value,
    };

    /// <summary>
    /// Checks quantized outputs against the exact real result within <paramref name="tolerance"/> steps; the activation
    /// bounds are the quantized 0, 6, −1, 1 as TFLite defines them.
    /// </summary>
    internal static void AssertQuantizedWithin<T>(double[] sums, T[] actual, int tolerance, float inputScale, float[] channelScales,
        float outputScale, int outputZeroPoint, int qmin, int qmax, ActivationFunctionType activation, string what)
        where T : unmanaged, IConvertible
    {
        int channels = channelScales.Length;
        int min = qmin, max = qmax;
        int Q(double real) => outputZeroPoint + (int)Math.Round(real / outputScale, MidpointRounding.AwayFromZero);
        switch (activation)
        {
            case ActivationFunctionType.RELU: min = Math.Max(qmin, Q(0)); break;
            case ActivationFunctionType.RELU6: min = Math.Max(qmin, Q(0)); max = Math.Min(qmax, Q(6)); break;
            case ActivationFunctionType.RELU_N1_TO_1: min = Math.Max(qmin, Q(-1)); max = Math.Min(qmax, Q(1)); break;
        }
        Assert.Equal(sums.Length, actual.Length);
        for (int i = 0; i < sums.Length; i++)
        {
            double multiplier = (double)inputScale * channelScales[i % channels] / outputScale;
            int expected = ConvolutionReference.Requantize(sums[i], multiplier, outputZeroPoint, min, max);
            int got = actual[i].ToInt32(null);
            Assert.True(Math.Abs(expected - got) <= tolerance, what + " element " + i + ": expected " + expected + ", got " + got);
        }
    }
}
