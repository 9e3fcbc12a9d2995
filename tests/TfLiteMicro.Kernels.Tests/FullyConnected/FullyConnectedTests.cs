using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.FullyConnected;

/// <summary>FULLY_CONNECTED; vectors from TFLM's fully_connected_test.cc (2×10 input, 3×10 weights).</summary>
public class FullyConnectedTests
{
    private static readonly float[] SimpleInput = { 1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10 };
    private static readonly float[] SimpleWeights = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    private static readonly float[] SimpleBias = { 1, 2, 3 };
    private static readonly float[] SimpleGolden = { 24, 25, 26, 58, 59, 60 };
    private static readonly float[] SimpleGoldenNullBias = { 23, 23, 23, 57, 57, 57 };
    private static readonly float[] ReluWeights = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    private static readonly float[] ReluBias = { 1, -2, 3 };
    private static readonly float[] ReluGolden = { 24, 0, 26, 58, 0, 60 };

    private static FbTable Options(ActivationFunctionType activation) => new FbTable().Scalar(0, (sbyte)activation);

    private static KernelRunner Runner(string implementation, TestTensor[] tensors, bool hasBias, ActivationFunctionType activation) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.FULLY_CONNECTED), tensors,
            hasBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, new[] { 3 }, BuiltinOperator.FULLY_CONNECTED,
            (byte)BuiltinOptions.FullyConnectedOptions, Options(activation));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesGolden(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 10 }, SimpleInput),
            TestTensor.Float(new[] { 3, 10 }, SimpleWeights, isConstant: true),
            TestTensor.Float(new[] { 3 }, SimpleBias, isConstant: true),
            TestTensor.Float(new[] { 2, 3 }),
        }, hasBias: true, ActivationFunctionType.NONE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(SimpleGolden, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatWithoutBiasAndWithRelu(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 10 }, SimpleInput),
            TestTensor.Float(new[] { 3, 10 }, SimpleWeights, isConstant: true),
            TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 2, 3 }),
        }, hasBias: false, ActivationFunctionType.NONE))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(SimpleGoldenNullBias, runner.Get<float>(3));
        }
        using (KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 10 }, SimpleInput),
            TestTensor.Float(new[] { 3, 10 }, ReluWeights, isConstant: true),
            TestTensor.Float(new[] { 3 }, ReluBias, isConstant: true),
            TestTensor.Float(new[] { 2, 3 }),
        }, hasBias: true, ActivationFunctionType.RELU))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(ReluGolden, runner.Get<float>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PerTensorWithUnitScalesIsExact(string implementation)
    {
        // Scales of 1 make the requantization the identity, so the float goldens are the exact int8 answers.
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int8(new[] { 2, 10 }, ToInt8(SimpleInput), 1f, 0),
            TestTensor.Int8(new[] { 3, 10 }, ToInt8(SimpleWeights), 1f, 0, isConstant: true),
            TestTensor.Int32(new[] { 3 }, new[] { 1, 2, 3 }, 1f, 0, isConstant: true),
            TestTensor.Int8(new[] { 2, 3 }, null, 1f, 0),
        }, hasBias: true, ActivationFunctionType.NONE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToInt8(SimpleGolden), runner.Get<sbyte>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ZeroPointsScalesAndSaturation(string implementation)
    {
        // input q = x/0.5 - 1 (zp -1), weights x, output scale 2 with zp 3: y = round((Σ in·w + b)/4) + 3,
        // with int8 saturation on the large results.
        sbyte[] input = new sbyte[20];
        for (int i = 0; i < 20; i++) input[i] = (sbyte)(SimpleInput[i] * 2 - 1);
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int8(new[] { 2, 10 }, input, 0.5f, -1),
            TestTensor.Int8(new[] { 3, 10 }, ToInt8(ReluWeights), 1f, 0, isConstant: true),
            TestTensor.Int32(new[] { 3 }, new[] { 2, -4, 6 }, 0.5f, 0, isConstant: true),
            TestTensor.Int8(new[] { 2, 3 }, null, 0.25f, 3),
        }, hasBias: true, ActivationFunctionType.NONE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // real outputs 24, -25, 26, 58, -59, 60 → /0.25 + 3 = 99, -97, 107, 235→127, -233→-128, 243→127
        Assert.Equal(new sbyte[] { 99, -97, 107, 127, -128, 127 }, runner.Get<sbyte>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PerChannelUsesOneScalePerOutput(string implementation)
    {
        // Channel scales 1, 0.5, 0.25 on weights that are 1×, 2×, 4× the float weights: all channels give the same
        // real result, so the outputs equal the float golden.
        sbyte[] weights = new sbyte[30];
        float[] scales = { 1f, 0.5f, 0.25f };
        for (int o = 0; o < 3; o++)
        {
            for (int d = 0; d < 10; d++) weights[o * 10 + d] = (sbyte)(SimpleWeights[o * 10 + d] / scales[o]);
        }
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int8(new[] { 2, 10 }, ToInt8(SimpleInput), 1f, 0),
            TestTensor.Int8PerChannel(new[] { 3, 10 }, weights, scales),
            new TestTensor(TensorType.Int32, new[] { 3 }, TfLiteModelBuilder.Bytes(new[] { 1, 4, 12 }), scales, new long[3], isConstant: true),
            TestTensor.Int8(new[] { 2, 3 }, null, 1f, 0),
        }, hasBias: true, ActivationFunctionType.NONE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(ToInt8(SimpleGolden), runner.Get<sbyte>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16x8WithInt64Bias(string implementation)
    {
        short[] input = new short[20];
        for (int i = 0; i < 20; i++) input[i] = (short)(SimpleInput[i] * 1000);
        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Int16(new[] { 2, 10 }, input, 0.001f, 0),
            TestTensor.Int8(new[] { 3, 10 }, ToInt8(ReluWeights), 1f, 0, isConstant: true),
            TestTensor.Int64(new[] { 3 }, new long[] { 1000, -2000, 3000 }, 0.001f, isConstant: true),
            TestTensor.Int16(new[] { 2, 3 }, null, 0.01f, 0),
        }, hasBias: true, ActivationFunctionType.RELU);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { 2400, 0, 2600, 5800, 0, 6000 }, runner.Get<short>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsMismatchedTypesAndShapes(string implementation)
    {
        using (KernelRunner wrongBias = Runner(implementation, new[]
        {
            TestTensor.Int8(new[] { 2, 10 }, ToInt8(SimpleInput), 1f, 0),
            TestTensor.Int8(new[] { 3, 10 }, ToInt8(SimpleWeights), 1f, 0, isConstant: true),
            TestTensor.Float(new[] { 3 }, SimpleBias, isConstant: true),
            TestTensor.Int8(new[] { 2, 3 }, null, 1f, 0),
        }, hasBias: true, ActivationFunctionType.NONE))
        {
            Assert.NotEqual(Status.Ok, wrongBias.InitAndPrepare());
            Assert.Contains("bias tensor 2 has type FLOAT32, expected INT32", wrongBias.Errors.MessageText);
        }
        using (KernelRunner wrongShape = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 7 }, new float[14]),
            TestTensor.Float(new[] { 3, 10 }, SimpleWeights, isConstant: true),
            TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 2, 3 }),
        }, hasBias: false, ActivationFunctionType.NONE))
        {
            Assert.NotEqual(Status.Ok, wrongShape.InitAndPrepare());
            Assert.Contains("not a multiple of the filter depth 10", wrongShape.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void HybridFloatInputWithInt8WeightsMatchesFloatMathOnDequantizedWeights(string implementation)
    {
        // TFLM rejects this ("hybrid"); we dequantize the weights once at Prepare and run the float kernel.
        Random random = new Random(7);
        sbyte[] weights = new sbyte[3 * 10];
        for (int i = 0; i < weights.Length; i++) weights[i] = (sbyte)random.Next(-128, 128);
        float[] scales = { 0.02f, 0.5f, 0.003f };
        float[] input = new float[20];
        for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 2 - 1);
        float[] bias = { 0.25f, -1f, 2f };

        float[] expected = new float[6];
        for (int b = 0; b < 2; b++)
        {
            for (int o = 0; o < 3; o++)
            {
                float total = 0f;
                for (int d = 0; d < 10; d++) total += input[b * 10 + d] * (scales[o] * weights[o * 10 + d]);
                expected[b * 3 + o] = total + bias[o];
            }
        }

        using KernelRunner runner = Runner(implementation, new[]
        {
            TestTensor.Float(new[] { 2, 10 }, input),
            TestTensor.Int8PerChannel(new[] { 3, 10 }, weights, scales),
            TestTensor.Float(new[] { 3 }, bias, isConstant: true),
            TestTensor.Float(new[] { 2, 3 }),
        }, hasBias: true, ActivationFunctionType.NONE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<float>(3));
    }

    private static sbyte[] ToInt8(float[] values) => Array.ConvertAll(values, v => (sbyte)v);
}
