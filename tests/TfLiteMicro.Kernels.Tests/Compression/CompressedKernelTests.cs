using System;
using System.Linq;
using TfLiteMicro.Kernels.Tests.ControlFlow;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Compression;

/// <summary>
/// TFLM's LUT compression in the kernels that decompress (FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D,
/// TRANSPOSE_CONV, CONCATENATION, ASSIGN_VARIABLE): every model is built twice, plain and with its constant tensors
/// compressed, and both must give identical outputs — for every implementation of the kernel suite.
/// </summary>
public class CompressedKernelTests
{
    private static readonly int[] None = Array.Empty<int>();

    private delegate int Constant(SubgraphBuilder graph, TensorType type, int[] shape, byte[] data, float[]? scales = null,
        long[]? zeroPoints = null, int quantizedDimension = 0);

    /// <summary>Builds the model plain and compressed, runs both on the same inputs (twice), compares every output byte.</summary>
    private static void AssertCompressedMatchesPlain(string implementation, Action<SubgraphBuilder, Constant> build, int expectedCompressed)
    {
        byte[] Build(bool compress, out int compressed)
        {
            TfLiteModelBuilder builder = new TfLiteModelBuilder();
            SubgraphBuilder main = builder.AddSubgraph("main");
            LutModelCompression lut = new LutModelCompression(builder, compress);
            build(main, (graph, type, shape, data, scales, zeroPoints, axis) => lut.AddConstant(graph, 0, type, shape, data, scales, zeroPoints, axis));
            lut.Finish();
            compressed = lut.CompressedCount;
            return builder.Build();
        }

        byte[] plainModel = Build(false, out _);
        byte[] compressedModel = Build(true, out int compressedCount);
        Assert.Equal(expectedCompressed, compressedCount);
        using ModelHarness plain = new ModelHarness(implementation, plainModel, arenaBytes: 1 << 18).Allocated();
        using ModelHarness compressed = new ModelHarness(implementation, compressedModel, arenaBytes: 1 << 18).Allocated();
        Assert.Equal(0, plain.Interpreter.CompressedTensorCount);
        Assert.Equal(expectedCompressed, compressed.Interpreter.CompressedTensorCount);

        for (int run = 0; run < 2; run++)
        {
            for (int i = 0; i < plain.Interpreter.InputCount; i++)
            {
                FillInput(plain.Interpreter.Input(i), new Random(100 * run + i));
                plain.Interpreter.Input(i).DataAs<byte>().CopyTo(compressed.Interpreter.Input(i).DataAs<byte>());
            }
            plain.Invoke();
            compressed.Invoke();
            for (int o = 0; o < plain.Interpreter.OutputCount; o++)
            {
                byte[] expected = plain.Output<byte>(o);
                Assert.Contains(expected, b => b != 0); // the comparison means something only if outputs are not all zero
                Assert.Equal(expected, compressed.Output<byte>(o));
            }
        }
    }

    private static void FillInput(TensorInfo input, Random random)
    {
        switch (input.Type)
        {
            case TensorType.Float32:
                Span<float> floats = input.DataAs<float>();
                for (int i = 0; i < floats.Length; i++) floats[i] = (float)(random.NextDouble() * 4 - 2);
                break;
            case TensorType.Bool:
                Span<byte> flags = input.DataAs<byte>();
                for (int i = 0; i < flags.Length; i++) flags[i] = (byte)random.Next(2);
                break;
            default:
                random.NextBytes(input.DataAs<byte>());
                break;
        }
    }

    /// <summary>Values drawn from a few distinct ones per channel, so they compress to 1..3-bit indices.</summary>
    private static T[] FewValues<T>(int count, int channels, bool lastAxis, int seed, Func<int, int, T> value)
    {
        Random random = new Random(seed);
        int perChannel = count / channels;
        T[] result = new T[count];
        for (int e = 0; e < count; e++)
        {
            int channel = lastAxis ? e % channels : e / perChannel;
            result[e] = value(channel, random.Next(2 + channel % 5));
        }
        return result;
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => TfLiteModelBuilder.Bytes(values);

    private static float[] Scales(int channels, float first) => Enumerable.Range(0, channels).Select(c => first * (1 + 0.25f * c)).ToArray();

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FullyConnectedInt8PerChannelWeightsAndBias(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int input = g.AddTensor(TensorType.Int8, new[] { 2, 12 }, scales: new[] { 0.5f }, zeroPoints: new long[] { -1 });
            float[] weightScales = Scales(4, 0.02f);
            int weights = constant(g, TensorType.Int8, new[] { 4, 12 },
                Bytes(FewValues(48, 4, false, 1, (c, k) => (sbyte)(k * 9 - 7 + c))), weightScales, new long[4], 0);
            int bias = constant(g, TensorType.Int32, new[] { 4 }, Bytes(new[] { 100, -40, 100, 7 }),
                weightScales.Select(s => s * 0.5f).ToArray(), new long[4], 0);
            int output = g.AddTensor(TensorType.Int8, new[] { 2, 4 }, scales: new[] { 0.25f }, zeroPoints: new long[] { 2 });
            g.AddOperator((int)BuiltinOperator.FULLY_CONNECTED, new[] { input, weights, bias }, new[] { output },
                (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)ActivationFunctionType.NONE));
            g.SetInputs(input).SetOutputs(output);
        }, expectedCompressed: 2);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FullyConnectedFloatAndHybrid(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int input = g.AddTensor(TensorType.Float32, new[] { 3, 8 });
            int weights = constant(g, TensorType.Float32, new[] { 5, 8 }, Bytes(FewValues(40, 1, false, 2, (c, k) => k * 0.375f - 0.5f)));
            int bias = constant(g, TensorType.Float32, new[] { 5 }, Bytes(new[] { 0.5f, -1f, 0.5f, 2f, 0.5f }));
            int output = g.AddTensor(TensorType.Float32, new[] { 3, 5 });
            g.AddOperator((int)BuiltinOperator.FULLY_CONNECTED, new[] { input, weights, bias }, new[] { output },
                (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)ActivationFunctionType.RELU));
            // Hybrid: float activations with int8 weights, decompressed once when they are dequantized at Prepare.
            int hybridWeights = constant(g, TensorType.Int8, new[] { 2, 5 }, Bytes(FewValues(10, 1, false, 3, (c, k) => (sbyte)(k * 20 - 10))),
                new[] { 0.05f }, new long[] { 0 });
            int hybridOutput = g.AddTensor(TensorType.Float32, new[] { 3, 2 });
            g.AddOperator((int)BuiltinOperator.FULLY_CONNECTED, new[] { output, hybridWeights, -1 }, new[] { hybridOutput },
                (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)ActivationFunctionType.NONE));
            g.SetInputs(input).SetOutputs(hybridOutput);
        }, expectedCompressed: 3);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Conv2DInt8PerChannelAlongTheFirstAxis(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int input = g.AddTensor(TensorType.Int8, new[] { 1, 6, 6, 3 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 3 });
            float[] filterScales = Scales(4, 0.01f);
            int filter = constant(g, TensorType.Int8, new[] { 4, 3, 3, 3 },
                Bytes(FewValues(108, 4, false, 4, (c, k) => (sbyte)(k * 13 - 20 + c))), filterScales, new long[4], 0);
            int bias = constant(g, TensorType.Int32, new[] { 4 }, Bytes(new[] { 50, 50, -300, 50 }),
                filterScales.Select(s => s * 0.5f).ToArray(), new long[4], 0);
            int output = g.AddTensor(TensorType.Int8, new[] { 1, 6, 6, 4 }, scales: new[] { 0.2f }, zeroPoints: new long[] { -5 });
            g.AddOperator((int)BuiltinOperator.CONV_2D, new[] { input, filter, bias }, new[] { output }, (byte)BuiltinOptions.Conv2DOptions,
                new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, (sbyte)ActivationFunctionType.RELU)
                    .Scalar(4, 1).Scalar(5, 1));
            g.SetInputs(input).SetOutputs(output);
        }, expectedCompressed: 2);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Conv2DInt16WithInt64BiasAndFloat(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int input = g.AddTensor(TensorType.Int16, new[] { 1, 5, 5, 2 }, scales: new[] { 0.01f }, zeroPoints: new long[] { 0 });
            float[] filterScales = Scales(3, 0.02f);
            int filter = constant(g, TensorType.Int8, new[] { 3, 3, 3, 2 },
                Bytes(FewValues(54, 3, false, 5, (c, k) => (sbyte)(k * 30 - 40))), filterScales, new long[3], 0);
            int bias = constant(g, TensorType.Int64, new[] { 3 }, Bytes(new long[] { 1000, -1000000, 1000 }),
                filterScales.Select(s => s * 0.01f).ToArray(), new long[3], 0);
            int output = g.AddTensor(TensorType.Int16, new[] { 1, 5, 5, 3 }, scales: new[] { 0.05f }, zeroPoints: new long[] { 0 });
            g.AddOperator((int)BuiltinOperator.CONV_2D, new[] { input, filter, bias }, new[] { output }, (byte)BuiltinOptions.Conv2DOptions,
                new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, (sbyte)ActivationFunctionType.NONE)
                    .Scalar(4, 1).Scalar(5, 1));

            int floatInput = g.AddTensor(TensorType.Float32, new[] { 1, 4, 4, 2 });
            int floatFilter = constant(g, TensorType.Float32, new[] { 2, 2, 2, 2 }, Bytes(FewValues(16, 1, false, 6, (c, k) => 0.5f - k)));
            int floatOutput = g.AddTensor(TensorType.Float32, new[] { 1, 3, 3, 2 });
            g.AddOperator((int)BuiltinOperator.CONV_2D, new[] { floatInput, floatFilter, -1 }, new[] { floatOutput },
                (byte)BuiltinOptions.Conv2DOptions,
                new FbTable().Scalar(0, (sbyte)Padding.VALID).Scalar(1, 1).Scalar(2, 1).Scalar(3, (sbyte)ActivationFunctionType.NONE)
                    .Scalar(4, 1).Scalar(5, 1));
            g.SetInputs(input, floatInput).SetOutputs(output, floatOutput);
        }, expectedCompressed: 3);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DepthwiseConv2DInt8PerChannelAlongTheLastAxis(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int input = g.AddTensor(TensorType.Int8, new[] { 1, 5, 5, 4 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 1 });
            float[] filterScales = Scales(4, 0.02f);
            // [1, H, W, C] quantized along dimension 3: channels interleave (TFLM's "alternate axis").
            int filter = constant(g, TensorType.Int8, new[] { 1, 3, 3, 4 },
                Bytes(FewValues(36, 4, true, 7, (c, k) => (sbyte)(k * 11 - 15 - c))), filterScales, new long[4], 3);
            int bias = constant(g, TensorType.Int32, new[] { 4 }, Bytes(new[] { 10, 10, 10, -80 }),
                filterScales.Select(s => s * 0.5f).ToArray(), new long[4], 0);
            int output = g.AddTensor(TensorType.Int8, new[] { 1, 5, 5, 4 }, scales: new[] { 0.1f }, zeroPoints: new long[] { 0 });
            g.AddOperator((int)BuiltinOperator.DEPTHWISE_CONV_2D, new[] { input, filter, bias }, new[] { output },
                (byte)BuiltinOptions.DepthwiseConv2DOptions,
                new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, 1)
                    .Scalar(4, (sbyte)ActivationFunctionType.NONE).Scalar(5, 1).Scalar(6, 1));
            g.SetInputs(input).SetOutputs(output);
        }, expectedCompressed: 2);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TransposeConvInt8(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int outputShape = g.AddTensor(TensorType.Int32, new[] { 4 }, Bytes(new[] { 1, 6, 6, 2 }));
            float[] filterScales = Scales(2, 0.05f);
            int filter = constant(g, TensorType.Int8, new[] { 2, 3, 3, 3 },
                Bytes(FewValues(54, 2, false, 8, (c, k) => (sbyte)(k * 25 - 30))), filterScales, new long[2], 0);
            int input = g.AddTensor(TensorType.Int8, new[] { 1, 3, 3, 3 }, scales: new[] { 0.25f }, zeroPoints: new long[] { 0 });
            int bias = constant(g, TensorType.Int32, new[] { 2 }, Bytes(new[] { 40, -40 }),
                filterScales.Select(s => s * 0.25f).ToArray(), new long[2], 0);
            int output = g.AddTensor(TensorType.Int8, new[] { 1, 6, 6, 2 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 0 });
            g.AddOperator((int)BuiltinOperator.TRANSPOSE_CONV, new[] { outputShape, filter, input, bias }, new[] { output },
                (byte)BuiltinOptions.TransposeConvOptions,
                new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 2).Scalar(2, 2).Scalar(3, (sbyte)ActivationFunctionType.NONE));
            g.SetInputs(input).SetOutputs(output);
        }, expectedCompressed: 2);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ConcatenationOfCompressedConstantsOfEveryWidth(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            FbTable axis1 = new FbTable().Scalar(0, 1).Scalar(1, (sbyte)ActivationFunctionType.NONE);
            int floatInput = g.AddTensor(TensorType.Float32, new[] { 2, 3 });
            int floatConstant = constant(g, TensorType.Float32, new[] { 2, 4 }, Bytes(new[] { 1f, 2f, 1f, 2f, 3f, 3f, 1f, 2f }));
            int floatOutput = g.AddTensor(TensorType.Float32, new[] { 2, 7 });
            g.AddOperator((int)BuiltinOperator.CONCATENATION, new[] { floatConstant, floatInput }, new[] { floatOutput },
                (byte)BuiltinOptions.ConcatenationOptions, axis1);

            int shortInput = g.AddTensor(TensorType.Int16, new[] { 2, 2 });
            int shortConstant = constant(g, TensorType.Int16, new[] { 2, 3 }, Bytes(new short[] { -300, 7, 7, 7, -300, 12000 }));
            int shortOutput = g.AddTensor(TensorType.Int16, new[] { 2, 5 });
            g.AddOperator((int)BuiltinOperator.CONCATENATION, new[] { shortInput, shortConstant }, new[] { shortOutput },
                (byte)BuiltinOptions.ConcatenationOptions, axis1);

            int boolInput = g.AddTensor(TensorType.Bool, new[] { 2, 1 });
            int boolConstant = constant(g, TensorType.Bool, new[] { 2, 5 }, new byte[] { 1, 0, 0, 1, 1, 0, 1, 1, 1, 0 });
            int longConstant = constant(g, TensorType.Int64, new[] { 2, 2 }, Bytes(new long[] { long.MinValue, 5, 5, long.MaxValue }));
            int longInput = g.AddTensor(TensorType.Int64, new[] { 2, 1 });
            int boolOutput = g.AddTensor(TensorType.Bool, new[] { 2, 6 });
            int longOutput = g.AddTensor(TensorType.Int64, new[] { 2, 3 });
            g.AddOperator((int)BuiltinOperator.CONCATENATION, new[] { boolInput, boolConstant }, new[] { boolOutput },
                (byte)BuiltinOptions.ConcatenationOptions, axis1);
            g.AddOperator((int)BuiltinOperator.CONCATENATION, new[] { longConstant, longInput }, new[] { longOutput },
                (byte)BuiltinOptions.ConcatenationOptions, axis1);
            g.SetInputs(floatInput, shortInput, boolInput, longInput).SetOutputs(floatOutput, shortOutput, boolOutput, longOutput);
        }, expectedCompressed: 4);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AssignVariableWithACompressedValue(string implementation)
    {
        AssertCompressedMatchesPlain(implementation, (g, constant) =>
        {
            int x = g.AddTensor(TensorType.Int32, new[] { 3 });
            int handle = g.AddTensor(TensorType.Resource, None);
            g.AddOperator((int)BuiltinOperator.VAR_HANDLE, None, new[] { handle }, (byte)BuiltinOptions.VarHandleOptions,
                ControlFlowModels.VarHandleOptions("c", "v"));
            int value = constant(g, TensorType.Int32, new[] { 6 }, Bytes(new[] { 9, -4, 9, 9, 70000, -4 }));
            int read = g.AddTensor(TensorType.Int32, new[] { 6 });
            int y = g.AddTensor(TensorType.Int32, new[] { 9 });
            g.AddOperator((int)BuiltinOperator.ASSIGN_VARIABLE, new[] { handle, value }, None);
            g.AddOperator((int)BuiltinOperator.READ_VARIABLE, new[] { handle }, new[] { read });
            g.AddOperator((int)BuiltinOperator.CONCATENATION, new[] { read, x }, new[] { y }, (byte)BuiltinOptions.ConcatenationOptions,
                new FbTable().Scalar(0, 0));
            g.SetInputs(x).SetOutputs(y);
        }, expectedCompressed: 1);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecompressingAtInvokeAllocatesNothing(string implementation)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder g = builder.AddSubgraph("main");
        LutModelCompression lut = new LutModelCompression(builder, compress: true);
        int input = g.AddTensor(TensorType.Int8, new[] { 1, 16 }, scales: new[] { 0.5f }, zeroPoints: new long[] { 0 });
        int weights = lut.AddConstant(g, 0, TensorType.Int8, new[] { 8, 16 },
            Bytes(FewValues(128, 8, false, 9, (c, k) => (sbyte)(k * 5 - c))), Scales(8, 0.01f), new long[8], 0);
        int output = g.AddTensor(TensorType.Int8, new[] { 1, 8 }, scales: new[] { 0.1f }, zeroPoints: new long[] { 0 });
        g.AddOperator((int)BuiltinOperator.FULLY_CONNECTED, new[] { input, weights, -1 }, new[] { output },
            (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)ActivationFunctionType.NONE));
        g.SetInputs(input).SetOutputs(output);
        lut.Finish();
        using ModelHarness harness = new ModelHarness(implementation, builder.Build()).Allocated();
        harness.Invoke();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            if (harness.Interpreter.Invoke() != Status.Ok) Assert.Fail(harness.Message);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
