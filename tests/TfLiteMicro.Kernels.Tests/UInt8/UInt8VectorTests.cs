using System;
using System.Linq;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Kernels.Tests.DepthwiseConv;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UInt8;

/// <summary>
/// Legacy uint8 kernels against TFLite's published kernel test vectors (tensorflow/lite/kernels/*_test.cc: conv_test,
/// depthwise_conv_test, fully_connected_test, add_test, pooling_test, activations_test, concatenation_test), quantized
/// as TFLite's test harness does (<see cref="TfliteUInt8"/>). Where TFLite checks raw uint8 outputs, so do these; where it
/// checks dequantized values within a tolerance, the same tolerance is used. TFLM has no uint8, so TFLite is the
/// reference. Every implementation runs (ports fall back to the reference for uint8).
/// </summary>
public class UInt8VectorTests
{
    private static TfliteUInt8 Range(float min, float max) => TfliteUInt8.FromRange(min, max);

    private static byte[] RunConv(string implementation, TestTensor input, TestTensor filter, TestTensor bias, TestTensor output, FbTable options)
    {
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONV_2D),
            new[] { input, filter, bias, output }, new[] { 0, 1, 2 }, new[] { 3 }, BuiltinOperator.CONV_2D,
            (byte)BuiltinOptions.Conv2DOptions, options);
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<byte>(3);
    }

    private static readonly float[] ConvInput = { 1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4, 1, 2, 3, 4 };
    private static readonly float[] ConvFilter = { 1, 2, 3, 4, -1, 1, -1, 1, -1, -1, 1, 1 };

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Conv2DSimpleTestQuantized(string implementation)
    {
        TfliteUInt8 input = Range(-63.5f, 64f), filter = Range(-63.5f, 64f), output = Range(-127f, 128f);
        byte[] result = RunConv(implementation, input.Tensor(new[] { 2, 2, 4, 1 }, input.Quantize(ConvInput)),
            filter.Tensor(new[] { 3, 2, 2, 1 }, filter.Quantize(ConvFilter), isConstant: true),
            TfliteUInt8.Bias(input.Scale * filter.Scale, new float[] { 1, 2, 3 }), output.Tensor(new[] { 2, 1, 2, 3 }),
            Conv2DTests.Options(Padding.VALID, 2, 2, ActivationFunctionType.NONE));
        Assert.Equal(new byte[] { 145, 129, 132, 145, 129, 132, 144, 131, 130, 164, 131, 130 }, result);
        Assert.Equal(new float[] { 18, 2, 5, 18, 2, 5, 17, 4, 3, 37, 4, 3 }, output.Dequantize(result));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Conv2DSimpleTestQuantizedWithAnisotropicStrides(string implementation)
    {
        TfliteUInt8 input = Range(-63.5f, 64f), filter = Range(-63.5f, 64f), output = Range(-127f, 128f);
        byte[] result = RunConv(implementation,
            input.Tensor(new[] { 1, 3, 6, 1 }, input.Quantize(3, 2, 1, -1, -2, -3, 4, 3, 2, -2, -3, -4, 5, 4, 3, -3, -4, -5)),
            filter.Tensor(new[] { 1, 2, 2, 1 }, filter.Quantize(1, 2, 3, 4), isConstant: true),
            TfliteUInt8.Bias(input.Scale * filter.Scale, new float[] { -1 }), output.Tensor(new[] { 1, 2, 2, 1 }),
            Conv2DTests.Options(Padding.VALID, 3, 1, ActivationFunctionType.NONE));
        Assert.Equal(new byte[] { 157, 103, 167, 93 }, result);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Conv2DSimpleTestQuantizedWithDilation(string implementation)
    {
        TfliteUInt8 range = Range(0f, 255f);
        float[] image = new float[81];
        for (int y = 3; y < 6; y++) for (int x = 3; x < 6; x++) image[y * 9 + x] = 1;
        byte[] result = RunConv(implementation, range.Tensor(new[] { 1, 9, 9, 1 }, range.Quantize(image)),
            range.Tensor(new[] { 1, 3, 3, 1 }, range.Quantize(1, 2, 3, 4, 5, 6, 7, 8, 9), isConstant: true),
            TfliteUInt8.Bias(range.Scale * range.Scale, new float[] { 0 }), range.Tensor(new[] { 1, 3, 3, 1 }),
            Conv2DTests.Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE, 3, 3));
        Assert.Equal(Enumerable.Repeat((byte)5, 9).ToArray(), result);
    }

    private static byte[] RunDepthwise(string implementation, TestTensor input, TestTensor filter, TestTensor bias, TestTensor output, FbTable options)
    {
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.DEPTHWISE_CONV_2D),
            new[] { input, filter, bias, output }, new[] { 0, 1, 2 }, new[] { 3 }, BuiltinOperator.DEPTHWISE_CONV_2D,
            (byte)BuiltinOptions.DepthwiseConv2DOptions, options);
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<byte>(3);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DepthwiseConv2DSimpleTestQuantized(string implementation)
    {
        TfliteUInt8 input = Range(-63.5f, 64f), filter = Range(-63.5f, 64f), output = Range(-127f, 128f);
        byte[] result = RunDepthwise(implementation,
            input.Tensor(new[] { 1, 3, 2, 2 }, input.Quantize(1, 2, 7, 8, 3, 4, 9, 10, 5, 6, 11, 12)),
            filter.Tensor(new[] { 1, 2, 2, 4 }, filter.Quantize(1, 2, 3, 4, -9, 10, -11, 12, 5, 6, 7, 8, 13, -14, 15, -16), isConstant: true),
            TfliteUInt8.Bias(input.Scale * filter.Scale, new float[] { 1, 2, 3, 4 }), output.Tensor(new[] { 1, 2, 1, 4 }),
            DepthwiseConv2DTests.Options(Padding.VALID, 1, 1, 2, ActivationFunctionType.NONE));
        Assert.Equal(new byte[] { 198, 93, 226, 107, 218, 101, 254, 123 }, result);
        Assert.Equal(new float[] { 71, -34, 99, -20, 91, -26, 127, -4 }, output.Dequantize(result));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DepthwiseConv2DSimpleDilatedTestPaddingSame(string implementation)
    {
        TfliteUInt8 range = Range(0f, 255f);
        byte[] result = RunDepthwise(implementation, range.Tensor(new[] { 1, 3, 3, 1 }, range.Quantize(1, 1, 1, 1, 1, 1, 1, 1, 1)),
            range.Tensor(new[] { 1, 2, 2, 1 }, range.Quantize(1, 2, 3, 4), isConstant: true),
            TfliteUInt8.Bias(range.Scale * range.Scale, new float[] { 0 }), range.Tensor(new[] { 1, 3, 3, 1 }),
            DepthwiseConv2DTests.Options(Padding.SAME, 1, 1, 1, ActivationFunctionType.NONE, 2, 2));
        Assert.Equal(new byte[] { 4, 7, 3, 6, 10, 4, 2, 3, 1 }, result);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FullyConnectedSimpleTestQuantizedUint8(string implementation)
    {
        TfliteUInt8 input = Range(-63.5f, 64f), output = Range(-127f, 128f);
        float[] weights = Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(1, 10).Select(v => (float)v)).ToArray();
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.FULLY_CONNECTED), new[]
        {
            input.Tensor(new[] { 2, 10 }, input.Quantize(1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10)),
            input.Tensor(new[] { 3, 10 }, input.Quantize(weights), isConstant: true),
            TfliteUInt8.Bias(input.Scale * input.Scale, new float[] { 1, 2, 3 }),
            output.Tensor(new[] { 2, 3 }),
        }, new[] { 0, 1, 2 }, new[] { 3 }, BuiltinOperator.FULLY_CONNECTED, (byte)BuiltinOptions.FullyConnectedOptions,
            new FbTable().Scalar(0, (sbyte)ActivationFunctionType.NONE));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        byte[] result = runner.Get<byte>(3);
        Assert.Equal(new byte[] { 151, 152, 153, 185, 186, 187 }, result);
        Assert.Equal(new float[] { 24, 25, 26, 58, 59, 60 }, output.Dequantize(result));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AddQuantizedTestsNoActivationUInt8(string implementation)
    {
        float[][] inputs1 = { new[] { 0.1f, 0.2f, 0.3f, 0.4f }, new[] { -0.8f, 0.2f, 0.4f, 0.7f }, new[] { -0.8f, 0.2f, 0.7f, 0.3f } };
        float[][] inputs2 = { new[] { 0.6f, 0.4f, 0.3f, 0.1f }, new[] { 0.6f, 0.4f, 0.5f, -0.8f }, new[] { 0.6f, 0.4f, -0.8f, 0.5f } };
        float[][] results = { new[] { 0.7f, 0.6f, 0.6f, 0.5f }, new[] { -0.2f, 0.6f, 0.9f, -0.1f }, new[] { -0.2f, 0.6f, -0.1f, 0.8f } };
        TfliteUInt8 range = Range(-1f, 1f);
        float tolerance = 2f / 255f;
        for (int i = 0; i < inputs1.Length; i++)
        {
            int[] shape = { 1, 2, 2, 1 };
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, BuiltinOperator.ADD,
                range.Tensor(shape, range.Quantize(inputs1[i])), range.Tensor(shape, range.Quantize(inputs2[i])), range.Tensor(shape));
            Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = range.Dequantize(runner.Get<byte>(2));
            for (int k = 0; k < 4; k++) Assert.True(Math.Abs(actual[k] - results[i][k]) <= tolerance, $"case {i}[{k}]: {actual[k]} vs {results[i][k]}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AveragePoolQuantized(string implementation)
    {
        TfliteUInt8 range = Range(0f, 15.9375f);
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.AVERAGE_POOL_2D), new[]
        {
            range.Tensor(new[] { 1, 2, 4, 1 }, range.Quantize(0, 6, 2, 4, 3, 2, 10, 7)), range.Tensor(new[] { 1, 1, 2, 1 }),
        }, new[] { 0 }, new[] { 1 }, BuiltinOperator.AVERAGE_POOL_2D, (byte)BuiltinOptions.Pool2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.VALID).Scalar(1, 2).Scalar(2, 2).Scalar(3, 2).Scalar(4, 2).Scalar(5, (sbyte)ActivationFunctionType.NONE));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new byte[] { 44, 92 }, runner.Get<byte>(1));
    }

    private static KernelRunner Activation(string implementation, BuiltinOperator op, TestTensor input, TestTensor output, FbTable? options = null) =>
        new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, output }, new[] { 0 }, new[] { 1 }, op,
            options == null ? (byte)0 : (byte)BuiltinOptions.SoftmaxOptions, options);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Softmax4DUint8(string implementation)
    {
        // activations_test.cc: beta 0.1, input range [-10, 10], output scale 1/256 with zero point 0; tolerance 2/256.
        var output = new TfliteUInt8(1f / 256, 0);
        TfliteUInt8 input = Range(-10f, 10f);
        (int[] Shape, float[] Values, float[] Expected)[] cases =
        {
            (new[] { 1, 2, 1, 4 }, new float[] { 0, -6, 2, 4, 3, -2, 10, 1 },
                new[] { .23463f, .12877f, .28658f, .35003f, .22528f, .13664f, .45365f, .18443f }),
            (new[] { 4, 1, 1, 2 }, new float[] { 0, -6, 2, 4, 3, -2, 10, 1 },
                new[] { 0.645656f, 0.354344f, 0.450166f, 0.549834f, 0.622459f, 0.377541f, 0.710949f, 0.28905f }),
        };
        foreach (var (shape, values, expected) in cases)
        {
            using KernelRunner runner = Activation(implementation, BuiltinOperator.SOFTMAX, input.Tensor(shape, input.Quantize(values)),
                output.Tensor(shape), new FbTable().Scalar(0, 0.1f));
            Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = output.Dequantize(runner.Get<byte>(1));
            for (int k = 0; k < expected.Length; k++) Assert.True(Math.Abs(actual[k] - expected[k]) <= 2f / 256, $"[{k}]: {actual[k]} vs {expected[k]}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void LogisticSigmoidUint8(string implementation)
    {
        TfliteUInt8 input = Range(-10f, 10f);
        using KernelRunner runner = Activation(implementation, BuiltinOperator.LOGISTIC,
            input.Tensor(new[] { 1, 2, 4, 1 }, input.Quantize(0, -6, 2, 4, 3, -2, 10, 1)), new TfliteUInt8(1f / 256, 0).Tensor(new[] { 1, 2, 4, 1 }));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new byte[] { 128, 1, 227, 251, 244, 32, 255, 188 }, runner.Get<byte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ConcatenationFourInputsQuantizedMixedRange(string implementation)
    {
        TfliteUInt8[] ranges = { Range(-10.7f, 10.8f), Range(0f, 12.8f), Range(-11f, 11.8f), Range(0f, 7.4f) };
        float[][] values = { new[] { 1f, 3f, 4f, 7f }, new[] { 1.1f, 3.1f, 4.1f, 7.1f }, new[] { 1.2f, 3.2f, 4.2f, 7.2f }, new[] { 1.3f, 3.3f, 4.3f, 7.3f } };
        TestTensor[] tensors = new TestTensor[5];
        for (int i = 0; i < 4; i++) tensors[i] = ranges[i].Tensor(new[] { 2, 1, 2 }, ranges[i].Quantize(values[i]));
        tensors[4] = Range(-12.7f, 12.8f).Tensor(new[] { 2, 1, 8 });
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CONCATENATION), tensors,
            new[] { 0, 1, 2, 3 }, new[] { 4 }, BuiltinOperator.CONCATENATION, (byte)BuiltinOptions.ConcatenationOptions,
            new FbTable().Scalar(0, 2).Scalar(1, (sbyte)ActivationFunctionType.NONE));
        Assert.True(runner.InitAndPrepare() == Status.Ok, runner.Errors.MessageText);
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new byte[] { 137, 157, 138, 158, 139, 159, 140, 160, 167, 197, 168, 198, 169, 199, 170, 200 }, runner.Get<byte>(4));
    }

    [Fact]
    public void PerChannelUInt8FilterAndMismatchedBiasScaleAreRefused()
    {
        TfliteUInt8 range = Range(-63.5f, 64f);
        TestTensor input = range.Tensor(new[] { 1, 1, 1, 2 });
        TestTensor perChannel = new TestTensor(TensorType.UInt8, new[] { 2, 1, 1, 2 }, new byte[4], new[] { 0.5f, 0.25f }, new long[] { 128, 128 }, isConstant: true);
        using (var runner = new KernelRunner(KernelImplementations.Get(KernelImplementations.Reference, BuiltinOperator.CONV_2D),
            new[] { input, perChannel, TfliteUInt8.Bias(0.25f, new float[] { 0, 0 }), range.Tensor(new[] { 1, 1, 1, 2 }) }, new[] { 0, 1, 2 }, new[] { 3 },
            BuiltinOperator.CONV_2D, (byte)BuiltinOptions.Conv2DOptions, Conv2DTests.Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("per-channel quantization needs int8", runner.Errors.MessageText);
        }
        using (var runner = new KernelRunner(KernelImplementations.Get(KernelImplementations.Reference, BuiltinOperator.CONV_2D),
            new[] { input, range.Tensor(new[] { 2, 1, 1, 2 }, new byte[4], isConstant: true), TfliteUInt8.Bias(0.3f, new float[] { 0, 0 }),
                range.Tensor(new[] { 1, 1, 1, 2 }) }, new[] { 0, 1, 2 }, new[] { 3 },
            BuiltinOperator.CONV_2D, (byte)BuiltinOptions.Conv2DOptions, Conv2DTests.Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("TFLite needs input scale × filter scale", runner.Errors.MessageText);
        }
    }
}
