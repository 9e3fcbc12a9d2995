using System;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.DepthwiseConv;

/// <summary>
/// DEPTHWISE_CONV_2D against TFLM's own test vector (checked by hand) and against <see cref="ConvolutionReference"/>
/// over depth multipliers, paddings, strides, dilations and activations, for float32, int8 and int16x8.
/// </summary>
public class DepthwiseConv2DTests
{
    /// <summary>Input [N,H,W,C], filter [1,FH,FW,C·M].</summary>
    public sealed record Geometry(int N, int H, int W, int C, int M, int FH, int FW, bool Same,
        int StrideH, int StrideW, int DilationH, int DilationW, ActivationFunctionType Activation, bool HasBias)
    {
        public int O => C * M;
        public int[] InputShape => new[] { N, H, W, C };
        public int[] FilterShape => new[] { 1, FH, FW, O };
        public int[] OutputShape => new[]
        {
            N, ConvolutionReference.OutputSize(Same, H, FH, StrideH, DilationH),
            ConvolutionReference.OutputSize(Same, W, FW, StrideW, DilationW), O,
        };
        public FbTable Options => DepthwiseConv2DTests.Options(Same ? Padding.SAME : Padding.VALID, StrideW, StrideH, M, Activation,
            DilationW, DilationH);
    }

    public static readonly Geometry[] Sweep =
    {
        new(1, 5, 5, 3, 1, 3, 3, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true),
        new(2, 6, 5, 2, 3, 3, 2, false, 1, 1, 1, 1, ActivationFunctionType.RELU, true),
        new(1, 9, 8, 4, 2, 3, 3, true, 2, 2, 1, 1, ActivationFunctionType.RELU6, false),
        new(1, 9, 9, 3, 1, 3, 3, true, 1, 1, 2, 2, ActivationFunctionType.NONE, true),
        new(1, 10, 7, 2, 2, 2, 3, false, 2, 1, 3, 2, ActivationFunctionType.RELU_N1_TO_1, true),
        new(1, 1, 20, 8, 1, 1, 5, true, 1, 2, 1, 1, ActivationFunctionType.NONE, true),
        new(1, 2, 2, 5, 1, 5, 5, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true),
    };

    internal static FbTable Options(Padding padding, int strideW, int strideH, int depthMultiplier,
        ActivationFunctionType activation, int dilationW = 1, int dilationH = 1) =>
        new FbTable().Scalar(0, (sbyte)padding).Scalar(1, strideW).Scalar(2, strideH).Scalar(3, depthMultiplier)
            .Scalar(4, (sbyte)activation).Scalar(5, dilationW).Scalar(6, dilationH);

    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, FbTable options) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.DEPTHWISE_CONV_2D), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.DEPTHWISE_CONV_2D,
            (byte)BuiltinOptions.DepthwiseConv2DOptions, options, arenaBytes: 1 << 18);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesTflmSimpleTest(string implementation)
    {
        // TFLM depthwise_conv_test.cc SimpleTest: 3×2 image, 2 channels, depth multiplier 2, 2×2 filter, VALID.
        // First output by hand: 1·1 + 7·(−9) + 3·5 + 9·13 = 70, + bias 1 = 71.
        float[] input = { 1, 2, 7, 8, 3, 4, 9, 10, 5, 6, 11, 12 };
        float[] filter = { 1, 2, 3, 4, -9, 10, -11, 12, 5, 6, 7, 8, 13, -14, 15, -16 };
        float[] bias = { 1, 2, 3, 4 };
        float[] golden = { 71, -34, 99, -20, 91, -26, 127, -4 };
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 3, 2, 2 }, input),
            TestTensor.Float(new[] { 1, 2, 2, 4 }, filter, isConstant: true),
            TestTensor.Float(new[] { 4 }, bias, isConstant: true),
            TestTensor.Float(new[] { 1, 2, 1, 4 }),
        }, hasBias: true, Options(Padding.VALID, 1, 1, 2, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(golden, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesNaiveDepthwiseConvolution(string implementation)
    {
        Random random = new Random(31);
        foreach (Geometry g in Sweep)
        {
            float[] input = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.InputShape));
            float[] filter = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.FilterShape));
            float[] bias = ConvolutionReference.RandomFloats(random, g.O);
            double[] expected = ConvolutionReference.Depthwise(ConvolutionReference.ToDouble(input), g.InputShape,
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
            Conv2DTests.AssertClose(expected, runner.Get<float>(3), g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PerChannelMatchesNaiveDepthwiseConvolutionWithinOne(string implementation)
    {
        Random random = new Random(32);
        foreach (Geometry g in Sweep)
        {
            const float inputScale = 0.02f;
            const int inputZeroPoint = 12;
            sbyte[] input = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.InputShape));
            sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
            float[] filterScales = new float[g.O];
            for (int c = 0; c < g.O; c++) filterScales[c] = 0.01f * (1 + c % 5);
            int[] bias = new int[g.O];
            for (int c = 0; c < g.O; c++) bias[c] = random.Next(-2000, 2000);
            double[] sums = ConvolutionReference.Depthwise(ConvolutionReference.ToDouble(input, inputZeroPoint), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            float outputScale = Conv2DTests.OutputScaleFor(sums, inputScale, filterScales, 110);
            const int outputZeroPoint = -3;
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int8(g.InputShape, input, inputScale, inputZeroPoint),
                TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales, quantizedDimension: 3),
                TestTensor.Int32(new[] { g.O }, bias, isConstant: true),
                TestTensor.Int8(g.OutputShape, null, outputScale, outputZeroPoint),
            }, g.HasBias, g.Options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Conv2DTests.AssertQuantizedWithin(sums, runner.Get<sbyte>(3), 1, inputScale, filterScales, outputScale, outputZeroPoint,
                -128, 127, g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithUnitScalesIsExactAtTheInt8Extremes(string implementation)
    {
        // Per-tensor scale 1 everywhere: out = clamp(Σ w·(x − zpIn) + bias + zpOut, −128, 127) exactly; inputs at −128/127
        // and a large bias drive outputs into both clamps.
        Geometry g = new(1, 4, 4, 2, 2, 2, 2, true, 1, 1, 1, 1, ActivationFunctionType.NONE, true);
        Random random = new Random(33);
        sbyte[] input = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.InputShape));
        input[0] = sbyte.MinValue;
        input[1] = sbyte.MaxValue;
        sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -1, 1);
        int[] bias = { 100, -100, 0, 3 };
        const int inputZeroPoint = -1;
        const int outputZeroPoint = 2;
        double[] sums = ConvolutionReference.Depthwise(ConvolutionReference.ToDouble(input, inputZeroPoint), g.InputShape,
            ConvolutionReference.ToDouble(filter), g.FilterShape, Array.ConvertAll(bias, b => (double)b), g.OutputShape, true, 1, 1, 1, 1);
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int8(g.InputShape, input, 1f, inputZeroPoint),
            new TestTensor(TensorType.Int8, g.FilterShape, TfLiteModelBuilder.Bytes(filter), new[] { 1f }, new long[] { 0 },
                quantizedDimension: 3, isConstant: true),
            TestTensor.Int32(new[] { g.O }, bias, isConstant: true),
            TestTensor.Int8(g.OutputShape, null, 1f, outputZeroPoint),
        }, hasBias: true, g.Options);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(3);
        for (int i = 0; i < sums.Length; i++) Assert.Equal(Math.Clamp((int)sums[i] + outputZeroPoint, -128, 127), actual[i]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithInt64BiasMatchesNaiveDepthwiseConvolution(string implementation)
    {
        Random random = new Random(34);
        foreach (Geometry g in Sweep)
        {
            const float inputScale = 0.0003f;
            short[] input = ConvolutionReference.RandomInt16(random, ConvolutionReference.Count(g.InputShape));
            input[0] = short.MinValue;
            input[input.Length - 1] = short.MaxValue;
            sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
            float[] filterScales = new float[g.O];
            for (int c = 0; c < g.O; c++) filterScales[c] = 0.002f * (1 + c % 3);
            long[] bias = new long[g.O];
            for (int c = 0; c < g.O; c++) bias[c] = random.Next(-300000, 300000);
            double[] sums = ConvolutionReference.Depthwise(ConvolutionReference.ToDouble(input), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            float outputScale = Conv2DTests.OutputScaleFor(sums, inputScale, filterScales, 25000);
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int16(g.InputShape, input, inputScale, 0),
                TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales, quantizedDimension: 3),
                TestTensor.Int64(new[] { g.O }, bias, isConstant: true),
                TestTensor.Int16(g.OutputShape, null, outputScale, 0),
            }, g.HasBias, g.Options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Conv2DTests.AssertQuantizedWithin(sums, runner.Get<short>(3), 2, inputScale, filterScales, outputScale, 0,
                short.MinValue, short.MaxValue, g.Activation, g.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DepthMultiplierOptionZeroIsDerivedFromTheShapes(string implementation)
    {
        // Newer converters may write depth_multiplier 0; the shapes (4 outputs for 2 inputs) decide.
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 3, 2, 2 }, new float[] { 1, 2, 7, 8, 3, 4, 9, 10, 5, 6, 11, 12 }),
            TestTensor.Float(new[] { 1, 2, 2, 4 }, new float[] { 1, 2, 3, 4, -9, 10, -11, 12, 5, 6, 7, 8, 13, -14, 15, -16 }, isConstant: true),
            TestTensor.Float(new[] { 4 }, new float[] { 1, 2, 3, 4 }, isConstant: true),
            TestTensor.Float(new[] { 1, 2, 1, 4 }),
        }, hasBias: true, Options(Padding.VALID, 1, 1, 0, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new float[] { 71, -34, 99, -20, 91, -26, 127, -4 }, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadTensorsAndOptions(string implementation)
    {
        TestTensor input = TestTensor.Int8(new[] { 1, 4, 4, 2 }, null, 0.5f, 0);
        TestTensor filter = TestTensor.Int8PerChannel(new[] { 1, 3, 3, 4 }, new sbyte[36], new[] { 0.1f, 0.1f, 0.1f, 0.1f }, 3);
        TestTensor bias = TestTensor.Int32(new[] { 4 }, new int[4], isConstant: true);
        TestTensor output = TestTensor.Int8(new[] { 1, 4, 4, 4 }, null, 0.5f, 0);
        FbTable same = Options(Padding.SAME, 1, 1, 2, ActivationFunctionType.NONE);

        AssertRejected(implementation, new[] { input, filter, TestTensor.Int64(new[] { 4 }, new long[4], isConstant: true), output },
            same, "bias");
        AssertRejected(implementation, new[]
        {
            TestTensor.Int16(new[] { 1, 4, 4, 2 }, null, 0.5f, 0), filter, bias, TestTensor.Int16(new[] { 1, 4, 4, 4 }, null, 0.5f, 0),
        }, same, "bias");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(new[] { 2, 3, 3, 4 }, new sbyte[72], new[] { 0.1f, 0.1f, 0.1f, 0.1f }, 3), bias, output,
        }, same, "filter");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(new[] { 1, 3, 3, 4 }, new sbyte[36], new[] { 0.1f, 0.1f, 0.1f, 0.1f }, 0), bias, output,
        }, same, "dimension");
        AssertRejected(implementation, new[] { input, filter, bias, output }, Options(Padding.SAME, 1, 1, 3, ActivationFunctionType.NONE),
            "depth_multiplier");
        AssertRejected(implementation, new[]
        {
            TestTensor.Int8(new[] { 1, 4, 4, 3 }, null, 0.5f, 0), filter, bias, output,
        }, same, "multiple");
        AssertRejected(implementation, new[] { input, filter, bias, TestTensor.Int8(new[] { 1, 4, 4 }, null, 0.5f, 0) }, same, "4D");
        // Hybrid (float32 input, int8 weights) runs, but only with constant weights (they are dequantized at Prepare).
        AssertRejected(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 4, 4, 2 }),
            new TestTensor(TensorType.Int8, new[] { 1, 3, 3, 4 }, null, new[] { 0.1f, 0.1f, 0.1f, 0.1f }, new long[4], 3),
            TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 1, 4, 4, 4 }),
        }, same, "constant");
        AssertRejected(implementation, new[] { input, filter, bias, output }, Options(Padding.SAME, 1, -1, 2, ActivationFunctionType.NONE),
            "strides");
    }

    private static void AssertRejected(string implementation, TestTensor[] tensors, FbTable options, string messagePart)
    {
        using KernelRunner runner = Runner(implementation, tensors, hasBias: true, options);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains(messagePart, runner.Errors.MessageText, StringComparison.OrdinalIgnoreCase);
    }
}
