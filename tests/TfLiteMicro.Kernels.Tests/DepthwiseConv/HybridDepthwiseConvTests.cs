using System;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.DepthwiseConv;

/// <summary>
/// DEPTHWISE_CONV_2D with float32 activations and constant int8 weights ("hybrid", refused by TFLM), quantized per
/// tensor or per output channel (the last dimension): the result must be the float kernel's on the weights
/// dequantized as TFLM's DEQUANTIZE defines it, bit for bit, and close to an independent double convolution.
/// </summary>
public class HybridDepthwiseConvTests
{
    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, FbTable options) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.DEPTHWISE_CONV_2D), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.DEPTHWISE_CONV_2D,
            (byte)BuiltinOptions.DepthwiseConv2DOptions, options, arenaBytes: 1 << 18);

    [Theory]
    [MemberData(nameof(HybridConvTests.Cases), MemberType = typeof(HybridConvTests))]
    public void MatchesTheFloatKernelOnDequantizedWeights(string implementation, bool perChannel, bool withZeroPoints)
    {
        Random random = new Random(perChannel ? 911 : 912);
        foreach (DepthwiseConv2DTests.Geometry g in DepthwiseConv2DTests.Sweep)
        {
            float[] input = ConvolutionReference.RandomFloats(random, ConvolutionReference.Count(g.InputShape), 2f);
            sbyte[] weights = ConvolutionReference.RandomInt8(random, ConvolutionReference.Count(g.FilterShape));
            int scaleCount = perChannel ? g.O : 1;
            float[] scales = new float[scaleCount];
            long[] zeroPoints = new long[scaleCount];
            for (int c = 0; c < scaleCount; c++)
            {
                scales[c] = (float)(0.001 + random.NextDouble() * 0.05);
                zeroPoints[c] = withZeroPoints ? random.Next(-128, 128) : 0;
            }
            float[]? bias = g.HasBias ? ConvolutionReference.RandomFloats(random, g.O) : null;
            // Channels are the last dimension: consecutive weights belong to consecutive channels.
            float[] dequantized = HybridConvTests.Dequantize(weights, scales, zeroPoints, inner: 1);

            float[] hybrid = Run(implementation, g, input,
                new TestTensor(TensorType.Int8, g.FilterShape, TfLiteModelBuilder.Bytes(weights), scales, zeroPoints, 3, isConstant: true),
                bias);
            float[] onFloatWeights = Run(KernelImplementations.Reference, g, input,
                TestTensor.Float(g.FilterShape, dequantized, isConstant: true), bias);
            Assert.Equal(onFloatWeights, hybrid);

            double[] expected = ConvolutionReference.Depthwise(ConvolutionReference.ToDouble(input), g.InputShape,
                ConvolutionReference.ToDouble(dequantized), g.FilterShape, bias == null ? null : ConvolutionReference.ToDouble(bias),
                g.OutputShape, g.Same, g.StrideH, g.StrideW, g.DilationH, g.DilationW);
            Conv2DTests.AssertClose(expected, hybrid, g.Activation, "hybrid depthwise " + g);
        }
    }

    private static float[] Run(string implementation, DepthwiseConv2DTests.Geometry g, float[] input, TestTensor filter, float[]? bias)
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
        // 1×1 depthwise on all-ones input: output c = scale[c] × (q[c] − zp[c]), exactly.
        sbyte[] weights = { -128, 127, 3 };
        float[] scales = { 0.5f, 0.25f, 3f };
        long[] zeroPoints = { 127, -128, 0 };
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 1, 1, 3 }, new float[] { 1, 1, 1 }),
            new TestTensor(TensorType.Int8, new[] { 1, 1, 1, 3 }, TfLiteModelBuilder.Bytes(weights), scales, zeroPoints, 3, isConstant: true),
            TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 1, 1, 1, 3 }),
        }, hasBias: false, DepthwiseConv2DTests.Options(Padding.VALID, 1, 1, 1, ActivationFunctionType.NONE));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // (−128 − 127) × 0.5, (127 + 128) × 0.25, 3 × 3
        Assert.Equal(new[] { -127.5f, 63.75f, 9f }, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsWeightsItCannotDequantize(string implementation)
    {
        TestTensor input = TestTensor.Float(new[] { 1, 3, 3, 2 });
        TestTensor bias = TestTensor.Float(new[] { 2 }, new float[2], isConstant: true);
        TestTensor output = TestTensor.Float(new[] { 1, 3, 3, 2 });
        int[] filterShape = { 1, 2, 2, 2 };
        FbTable options = DepthwiseConv2DTests.Options(Padding.SAME, 1, 1, 1, ActivationFunctionType.NONE);

        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int8, filterShape, null, new[] { 0.1f }, new long[1]), bias, output,
        }, options, "constant");
        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int8, filterShape, new byte[8], isConstant: true), bias, output,
        }, options, "quantized");
        AssertRejected(implementation, new[]
        {
            input, TestTensor.Int8PerChannel(filterShape, new sbyte[8], new[] { 0.1f, 0.2f }, quantizedDimension: 0), bias, output,
        }, options, "dimension");
        AssertRejected(implementation, new[]
        {
            input, new TestTensor(TensorType.Int4, filterShape, new byte[4], new[] { 0.1f }, new long[1], isConstant: true), bias, output,
        }, options, "INT4");
    }

    private static void AssertRejected(string implementation, TestTensor[] tensors, FbTable options, string messagePart)
    {
        using KernelRunner runner = Runner(implementation, tensors, hasBias: true, options);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains(messagePart, runner.Errors.MessageText, StringComparison.OrdinalIgnoreCase);
    }
}
