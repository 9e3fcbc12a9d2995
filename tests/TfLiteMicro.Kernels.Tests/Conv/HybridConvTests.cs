using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Conv;

/// <summary>
/// CONV_2D with float32 activations and constant int8 weights ("hybrid", refused by TFLM): the result must be the
/// float kernel's on the weights dequantized as TFLM's DEQUANTIZE defines it (double scale × (q − zero point),
/// narrowed to float), bit for bit, and close to an independent double convolution.
/// </summary>
public class HybridConvTests
{
    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, FbTable options) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONV_2D), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.CONV_2D,
            (byte)BuiltinOptions.Conv2DOptions, options, arenaBytes: 1 << 18);

    /// <summary>
    /// TFLM's dequantization, literally: the scale widened to double, times the integer difference, narrowed to float.
    /// <paramref name="inner"/> = elements per step of the quantized dimension.
    /// </summary>
    internal static float[] Dequantize(sbyte[] weights, float[] scales, long[] zeroPoints, int inner)
    {
        float[] result = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            int channel = scales.Length == 1 ? 0 : i / inner % scales.Length;
            long zeroPoint = zeroPoints[zeroPoints.Length == 1 ? 0 : channel];
            result[i] = (float)((double)scales[channel] * (weights[i] - zeroPoint));
        }
        return result;
    }

    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            foreach (bool perChannel in new[] { true, false })
            {
                foreach (bool zeroPoints in new[] { false, true }) data.Add((string)implementation[0], perChannel, zeroPoints);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheFloatKernelOnDequantizedWeights(string implementation, bool perChannel, bool withZeroPoints)
    {
        Random random = new Random(perChannel ? 811 : 812);
        foreach (Conv2DTests.Geometry g in Conv2DTests.Sweep)
        {
            float[] input = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.InputShape), 2f);
            sbyte[] weights = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape));
            int scaleCount = perChannel ? g.O : 1;
            float[] scales = new float[scaleCount];
            long[] zeroPoints = new long[scaleCount];
            for (int c = 0; c < scaleCount; c++)
            {
                scales[c] = (float)(0.001 + random.NextDouble() * 0.05);
                // Weights are symmetric in converted models, but the definition allows any zero point.
                zeroPoints[c] = withZeroPoints ? random.Next(-128, 128) : 0;
            }
            float[]? bias = g.HasBias ? ConvolutionReference.RandomFloats(random, g.O) : null;
            int inner = g.FH * g.FW * g.FC;
            float[] dequantized = Dequantize(weights, scales, zeroPoints, inner);

            float[] hybrid = Run(implementation, g, input,
                new TestTensor(TensorType.Int8, g.FilterShape, TfLiteModelBuilder.Bytes(weights), scales, zeroPoints, 0, isConstant: true),
                bias);
            float[] onFloatWeights = Run(KernelImplementations.Reference, g, input,
                TestTensor.Float(g.FilterShape, dequantized, isConstant: true), bias);
            Assert.Equal(onFloatWeights, hybrid);

            double[] expected = ConvolutionReference.Conv2D(ConvolutionReference.ToDouble(input), g.InputShape,
                ConvolutionReference.ToDouble(dequantized), g.FilterShape, bias == null ? null : ConvolutionReference.ToDouble(bias),
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            Conv2DTests.AssertClose(expected, hybrid, g.Activation, "hybrid conv " + g);
        }
    }

    private static float[] Run(string implementation, Conv2DTests.Geometry g, float[] input, TestTensor filter, float[]? bias)
    {
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(g.InputShape, input),
            filter,
            bias == null ? TestTensor.Float(new[] { g.O }) : TestTensor.Float(new[] { g.O }, bias, isConstant: true),
            TestTensor.Float(g.OutputShape),
        }, g.HasBias, g.Options);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<float>(3);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ExtremeWeightsAndZeroPointsDequantizeExactly(string implementation)
    {
        // 1×1 convolution of the one-hot input [1, 0] picks each channel's first weight: output c = scale[c] × (q − zp[c]).
        sbyte[] weights = { -128, 127, 127, 0, -128, 5 };
        float[] scales = { 0.5f, 0.25f, 3f };
        long[] zeroPoints = { 127, -128, 0 };
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 1, 1, 2 }, new float[] { 1, 0 }),
            new TestTensor(TensorType.Int8, new[] { 3, 1, 1, 2 }, TfLiteModelBuilder.Bytes(weights), scales, zeroPoints, 0, isConstant: true),
            TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 1, 1, 1, 3 }),
        }, hasBias: false, Conv2DTests.Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // (−128 − 127) × 0.5, (127 + 128) × 0.25, (−128 − 0) × 3
        Assert.Equal(new[] { -127.5f, 63.75f, -384f }, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsWeightsItCannotDequantize(string implementation)
    {
        TestTensor input = TestTensor.Float(new[] { 1, 3, 3, 2 });
        TestTensor bias = TestTensor.Float(new[] { 2 }, new float[2], isConstant: true);
        TestTensor output = TestTensor.Float(new[] { 1, 3, 3, 2 });
        int[] filterShape = { 2, 1, 1, 2 };
        FbTable options = Conv2DTests.Options(Padding.SAME, 1, 1, ActivationFunctionType.NONE);

        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int8, filterShape, null, new[] { 0.1f }, new long[1]), bias, output,
        }, options, "constant");
        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int8, filterShape, new byte[4], isConstant: true), bias, output,
        }, options, "quantized");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(filterShape, new sbyte[4], new[] { 0.1f, 0.2f }, quantizedDimension: 3), bias, output,
        }, options, "dimension");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(filterShape, new sbyte[4], new[] { 0.1f, 0.2f, 0.3f }), bias, output,
        }, options, "scales");
        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int4, filterShape, new byte[2], new[] { 0.1f }, new long[1], isConstant: true), bias, output,
        }, options, "INT4");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(filterShape, new sbyte[4], new[] { 0.1f, 0.2f }),
            TestTensor.Int32(new[] { 2 }, new int[2], isConstant: true), output,
        }, options, "bias");
    }

    private static void AssertRejected(string implementation, TestTensor[] tensors, FbTable options, string messagePart)
    {
        using KernelRunner runner = Runner(implementation, tensors, hasBias: true, options);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains(messagePart, runner.Errors.MessageText, StringComparison.OrdinalIgnoreCase);
    }
}
