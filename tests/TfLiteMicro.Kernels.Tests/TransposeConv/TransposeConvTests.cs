using System;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.TransposeConv;

/// <summary>
/// TRANSPOSE_CONV against TFLM's own test vector (checked by hand) and against <see cref="ConvolutionReference"/> for
/// float32, int8 and int16x8, with the output-shape input fed at run time (never read, as in TFLM).
/// </summary>
public class TransposeConvTests
{
    /// <summary>Input [N,H,W,C], filter [O,FH,FW,C], output [N,OH,OW,O].</summary>
    public sealed record Geometry(int N, int H, int W, int C, int O, int FH, int FW, int OH, int OW, bool Same,
        int StrideH, int StrideW, bool HasBias)
    {
        public int[] InputShape => new[] { N, H, W, C };
        public int[] FilterShape => new[] { O, FH, FW, C };
        public int[] OutputShape => new[] { N, OH, OW, O };
    }

    public static readonly Geometry[] Sweep =
    {
        new(1, 4, 4, 1, 1, 3, 3, 4, 4, true, 1, 1, false),
        new(1, 3, 4, 2, 3, 3, 3, 6, 8, true, 2, 2, true),
        new(2, 3, 3, 3, 2, 3, 3, 7, 7, false, 2, 2, true),
        new(1, 2, 5, 2, 2, 2, 4, 5, 14, false, 3, 3, true),
        new(1, 1, 10, 16, 8, 1, 4, 1, 20, true, 1, 2, true), // seanet-like 1D upsampling
        new(1, 4, 3, 2, 2, 3, 2, 7, 5, true, 2, 2, true), // SAME with an odd output: asymmetric padding
    };

    private static FbTable Options(Padding padding, int strideW, int strideH, ActivationFunctionType activation) =>
        new FbTable().Scalar(0, (sbyte)padding).Scalar(1, strideW).Scalar(2, strideH).Scalar(3, (sbyte)activation);

    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, FbTable options) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.TRANSPOSE_CONV), tensors,
            hasBias ? new[] { 0, 1, 2, 3 } : new[] { 0, 1, 2 }, new[] { 4 }, BuiltinOperator.TRANSPOSE_CONV,
            (byte)BuiltinOptions.TransposeConvOptions, options, arenaBytes: 1 << 18);

    /// <summary>The output-shape input, not constant (fed at run time in some models).</summary>
    private static TestTensor ShapeInput(int[] outputShape) => TestTensor.Int32(new[] { 4 }, outputShape);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesTflmSimpleTest(string implementation)
    {
        // TFLM transpose_conv_test.cc SimpleTestFloat: 4×4 input 1..16, 3×3 filter 1..9, SAME, stride 1. By hand, output
        // (0,0) = 1·5 + 2·4 + 5·2 + 6·1 = 29.
        float[] input = new float[16];
        for (int i = 0; i < 16; i++) input[i] = i + 1;
        float[] filter = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        float[] golden = { 29, 62, 83, 75, 99, 192, 237, 198, 207, 372, 417, 330, 263, 446, 485, 365 };
        using KernelRunner runner = Runner(implementation, new[]
        {
            ShapeInput(new[] { 1, 4, 4, 1 }),
            TestTensor.Float(new[] { 1, 3, 3, 1 }, filter, isConstant: true),
            TestTensor.Float(new[] { 1, 4, 4, 1 }, input),
            TestTensor.Float(new[] { 1 }),
            TestTensor.Float(new[] { 1, 4, 4, 1 }),
        }, hasBias: false, Options(Padding.SAME, 1, 1, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(golden, runner.Get<float>(4));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesNaiveTransposeConvolutionAndAppliesTheActivation(string implementation)
    {
        Random random = new Random(41);
        foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU })
        {
            foreach (Geometry g in Sweep)
            {
                float[] input = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.InputShape));
                float[] filter = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.FilterShape));
                float[] bias = ConvolutionReference.RandomFloats(random, g.O);
                double[] expected = ConvolutionReference.TransposeConv(ConvolutionReference.ToDouble(input), g.InputShape,
                    ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? ConvolutionReference.ToDouble(bias) : null,
                    g.OutputShape, g.Same, g.StrideH, g.StrideW);
                using KernelRunner runner = Runner(implementation, new[]
                {
                    ShapeInput(g.OutputShape),
                    TestTensor.Float(g.FilterShape, filter, isConstant: true),
                    TestTensor.Float(g.InputShape, input),
                    TestTensor.Float(new[] { g.O }, bias, isConstant: true),
                    TestTensor.Float(g.OutputShape),
                }, g.HasBias, Options(g.Same ? Padding.SAME : Padding.VALID, g.StrideW, g.StrideH, activation));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Conv2DTests.AssertClose(expected, runner.Get<float>(4), activation, g.ToString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8MatchesNaiveTransposeConvolutionAndIgnoresTheFusedActivation(string implementation)
    {
        // TFLM quantizes TRANSPOSE_CONV with kTfLiteActNone, so a RELU option does not clamp quantized outputs.
        Random random = new Random(42);
        bool sawNegative = false;
        foreach (Geometry g in Sweep)
        {
            const float inputScale = 0.03f;
            const int inputZeroPoint = 9;
            sbyte[] input = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.InputShape));
            sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
            float[] filterScales = new float[g.O];
            for (int c = 0; c < g.O; c++) filterScales[c] = 0.005f * (1 + c % 2);
            int[] bias = new int[g.O];
            for (int c = 0; c < g.O; c++) bias[c] = random.Next(-2000, 2000);
            double[] sums = ConvolutionReference.TransposeConv(ConvolutionReference.ToDouble(input, inputZeroPoint), g.InputShape,
                ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                g.OutputShape, g.Same, g.StrideH, g.StrideW);
            float outputScale = Conv2DTests.OutputScaleFor(sums, inputScale, filterScales, 100);
            const int outputZeroPoint = 0;
            using KernelRunner runner = Runner(implementation, new[]
            {
                ShapeInput(g.OutputShape),
                TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales),
                TestTensor.Int8(g.InputShape, input, inputScale, inputZeroPoint),
                TestTensor.Int32(new[] { g.O }, bias, isConstant: true),
                TestTensor.Int8(g.OutputShape, null, outputScale, outputZeroPoint),
            }, g.HasBias, Options(g.Same ? Padding.SAME : Padding.VALID, g.StrideW, g.StrideH, ActivationFunctionType.RELU));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(4);
            Conv2DTests.AssertQuantizedWithin(sums, actual, 1, inputScale, filterScales, outputScale, outputZeroPoint,
                -128, 127, ActivationFunctionType.NONE, g.ToString());
            foreach (sbyte value in actual) sawNegative |= value < -5;
        }
        Assert.True(sawNegative);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16MatchesNaiveTransposeConvolutionWithInt64Int16OrNoBias(string implementation)
    {
        Random random = new Random(43);
        foreach (TensorType biasType in new[] { TensorType.Int64, TensorType.Int16 })
        {
            foreach (Geometry g in Sweep)
            {
                const float inputScale = 0.0004f;
                short[] input = ConvolutionReference.RandomInt16(random, ConvolutionReference.Count(g.InputShape));
                input[0] = short.MinValue;
                input[input.Length - 1] = short.MaxValue;
                sbyte[] filter = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape), -127, 127);
                float[] filterScales = new float[g.O];
                for (int c = 0; c < g.O; c++) filterScales[c] = 0.001f * (1 + c % 3);
                long[] bias = new long[g.O];
                for (int c = 0; c < g.O; c++) bias[c] = biasType == TensorType.Int16 ? random.Next(-30000, 30000) : random.Next(-500000, 500000);
                double[] sums = ConvolutionReference.TransposeConv(ConvolutionReference.ToDouble(input), g.InputShape,
                    ConvolutionReference.ToDouble(filter), g.FilterShape, g.HasBias ? Array.ConvertAll(bias, b => (double)b) : null,
                    g.OutputShape, g.Same, g.StrideH, g.StrideW);
                float outputScale = Conv2DTests.OutputScaleFor(sums, inputScale, filterScales, 25000);
                TestTensor biasTensor = biasType == TensorType.Int64
                    ? TestTensor.Int64(new[] { g.O }, bias, isConstant: true)
                    : TestTensor.Int16(new[] { g.O }, Array.ConvertAll(bias, b => (short)b), 0f, 0, isConstant: true);
                using KernelRunner runner = Runner(implementation, new[]
                {
                    ShapeInput(g.OutputShape),
                    TestTensor.Int8PerChannel(g.FilterShape, filter, filterScales),
                    TestTensor.Int16(g.InputShape, input, inputScale, 0),
                    biasTensor,
                    TestTensor.Int16(g.OutputShape, null, outputScale, 0),
                }, g.HasBias, Options(g.Same ? Padding.SAME : Padding.VALID, g.StrideW, g.StrideH, ActivationFunctionType.NONE));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Conv2DTests.AssertQuantizedWithin(sums, runner.Get<short>(4), 2, inputScale, filterScales, outputScale, 0,
                    short.MinValue, short.MaxValue, ActivationFunctionType.NONE, g.ToString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadTensorsAndOptions(string implementation)
    {
        TestTensor shape = ShapeInput(new[] { 1, 8, 8, 3 });
        TestTensor filter = TestTensor.Int8PerChannel(new[] { 3, 3, 3, 2 }, new sbyte[54], new[] { 0.1f, 0.1f, 0.1f });
        TestTensor input = TestTensor.Int8(new[] { 1, 4, 4, 2 }, null, 0.5f, 0);
        TestTensor bias = TestTensor.Int32(new[] { 3 }, new int[3], isConstant: true);
        TestTensor output = TestTensor.Int8(new[] { 1, 8, 8, 3 }, null, 0.5f, 0);
        FbTable same = Options(Padding.SAME, 2, 2, ActivationFunctionType.NONE);

        AssertRejected(implementation, new[] { shape, filter, input, TestTensor.Int64(new[] { 3 }, new long[3], isConstant: true), output },
            same, "bias");
        AssertRejected(implementation, new[]
        {
            shape, filter, TestTensor.Int16(new[] { 1, 4, 4, 2 }, null, 0.5f, 0), bias, TestTensor.Int16(new[] { 1, 8, 8, 3 }, null, 0.5f, 0),
        }, same, "bias");
        AssertRejected(implementation, new[] { shape, filter, TestTensor.Int8(new[] { 1, 4, 4, 5 }, null, 0.5f, 0), bias, output },
            same, "filter");
        AssertRejected(implementation, new[] { shape, filter, input, bias, TestTensor.Int8(new[] { 1, 8, 8, 4 }, null, 0.5f, 0) },
            same, "filter");
        AssertRejected(implementation, new[] { shape, filter, TestTensor.Int8(new[] { 4, 4, 2 }, null, 0.5f, 0), bias, output }, same, "4D");
        AssertRejected(implementation, new[] { shape, filter, input, bias, output }, Options(Padding.SAME, 0, 2, ActivationFunctionType.NONE),
            "strides");
        AssertRejected(implementation, new[]
        {
            shape, filter, TestTensor.Float(new[] { 1, 4, 4, 2 }), TestTensor.Float(new[] { 3 }), TestTensor.Float(new[] { 1, 8, 8, 3 }),
        }, same, "hybrid");
        using KernelRunner twoInputs = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.TRANSPOSE_CONV),
            new[] { shape, filter, input, bias, output }, new[] { 0, 1 }, new[] { 4 }, BuiltinOperator.TRANSPOSE_CONV,
            (byte)BuiltinOptions.TransposeConvOptions, same);
        Assert.NotEqual(Status.Ok, twoInputs.InitAndPrepare());
        Assert.Contains("3 or 4 inputs", twoInputs.Errors.MessageText);
    }

    private static void AssertRejected(string implementation, TestTensor[] tensors, FbTable options, string messagePart)
    {
        using KernelRunner runner = Runner(implementation, tensors, hasBias: true, options);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains(messagePart, runner.Errors.MessageText, StringComparison.OrdinalIgnoreCase);
    }
}
