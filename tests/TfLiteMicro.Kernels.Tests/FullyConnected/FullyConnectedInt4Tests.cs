using System;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.FullyConnected;

/// <summary>
/// FULLY_CONNECTED with packed int4 weights (two per byte, as TFLM stores them): the same result as the same values
/// given as int8 weights, and within one step of the exact real result. Also float32 input with int8 weights
/// ("hybrid") against TFLM's dequantization with zero points and a single scale.
/// </summary>
public class FullyConnectedInt4Tests
{
    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, ActivationFunctionType activation) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.FULLY_CONNECTED), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.FULLY_CONNECTED,
            (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)activation));

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            data.Add((string)implementation[0], false);
            data.Add((string)implementation[0], true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int4WeightsMatchTheSameInt8Weights(string implementation, bool perChannel)
    {
        // 3 batches × depth 7 against 5 outputs: 35 weights, an odd count (the last byte's high nibble is unused).
        const int batches = 3, depth = 7, outputs = 5;
        Random random = new Random(perChannel ? 41 : 42);
        sbyte[] input = ConvolutionReference.RandomInt8(random, batches * depth);
        sbyte[] weights = ConvolutionReference.RandomInt8(random, outputs * depth, -8, 7);
        weights[0] = -8;
        weights[1] = 7;
        float[] scales = perChannel ? new[] { 0.1f, 0.2f, 0.05f, 0.3f, 0.15f } : new[] { 0.12f };
        int[] bias = { 100, -250, 7, 0, 1000 };
        const float inputScale = 0.05f, outputScale = 0.09f;
        const int inputZeroPoint = 3, outputZeroPoint = -5;

        sbyte[][] results = new sbyte[2][];
        for (int pass = 0; pass < 2; pass++)
        {
            TestTensor filter = pass == 0
                ? TestTensor.Int8PerChannel(new[] { outputs, depth }, weights, scales)
                : new TestTensor(TensorType.Int4, new[] { outputs, depth }, PackedInt4Tests.Pack(weights), scales, new long[scales.Length],
                    isConstant: true);
            using KernelRunner runner = Runner(implementation, new[]
            {
                TestTensor.Int8(new[] { batches, depth }, input, inputScale, inputZeroPoint),
                filter,
                TestTensor.Int32(new[] { outputs }, bias, isConstant: true),
                TestTensor.Int8(new[] { batches, outputs }, null, outputScale, outputZeroPoint),
            }, hasBias: true, ActivationFunctionType.NONE);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            results[pass] = runner.Get<sbyte>(3);
        }
        Assert.Equal(results[0], results[1]);

        for (int b = 0; b < batches; b++)
        {
            for (int o = 0; o < outputs; o++)
            {
                double sum = bias[o];
                for (int d = 0; d < depth; d++) sum += (double)(input[b * depth + d] - inputZeroPoint) * weights[o * depth + d];
                double multiplier = (double)inputScale * scales[perChannel ? o : 0] / outputScale;
                int expected = ConvolutionReference.Requantize(sum, multiplier, outputZeroPoint, -128, 127);
                Assert.InRange(results[1][b * outputs + o], expected - 1, expected + 1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int4WeightsAreOnlyForInt8Input(string implementation)
    {
        TestTensor int4Filter = new TestTensor(TensorType.Int4, new[] { 2, 4 }, new byte[4], new[] { 0.1f }, new long[1], isConstant: true);
        using (KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int16(new[] { 1, 4 }, null, 0.5f, 0), int4Filter,
            TestTensor.Int64(new[] { 2 }, new long[2], isConstant: true), TestTensor.Int16(new[] { 1, 2 }, null, 0.5f, 0),
        }, hasBias: true, ActivationFunctionType.NONE))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT4", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, 4 }), int4Filter, TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 1, 2 }),
        }, hasBias: false, ActivationFunctionType.NONE))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT4", runner.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void HybridWithOneScaleAndZeroPointFollowsTflmDequantization(string implementation)
    {
        Random random = new Random(5);
        const int depth = 6, outputs = 4;
        sbyte[] weights = ConvolutionReference.RandomInt8(random, outputs * depth);
        weights[0] = -128;
        weights[1] = 127;
        float[] input = ConvolutionReference.RandomFloats(random, depth, 3f);
        float[] dequantized = HybridConvTests.Dequantize(weights, new[] { 0.037f }, new long[] { -9 }, depth);
        float[] expected = new float[outputs];
        for (int o = 0; o < outputs; o++)
        {
            float total = 0f;
            for (int d = 0; d < depth; d++) total += input[d] * dequantized[o * depth + d];
            expected[o] = Math.Max(0f, total);
        }

        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 1, depth }, input),
            TestTensor.Int8(new[] { outputs, depth }, weights, 0.037f, -9, isConstant: true),
            TestTensor.Float(new[] { outputs }),
            TestTensor.Float(new[] { 1, outputs }),
        }, hasBias: false, ActivationFunctionType.RELU);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<float>(3));
    }
}
