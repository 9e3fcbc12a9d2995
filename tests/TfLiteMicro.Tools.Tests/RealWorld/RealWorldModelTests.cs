using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Ports.X86Simd;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Tools.FlatBuffers;
using TfLiteMicro.Tools.Tests.Cli;
using Xunit;

namespace TfLiteMicro.Tools.Tests.RealWorld;

/// <summary>
/// The three kinds of mobile model TFLM cannot run, built here with the project's FlatBuffer writer in the shape the
/// real ones have: a MediaPipe-style float16 model (fp16 weights and biases behind DEQUANTIZE, MediaPipe's
/// Convolution2DTransposeBias), a sparse model (DENSIFY of fp16 and block-sparse float32 weights) and a uint8
/// MobileNet-style model (CONV_2D, DEPTHWISE_CONV_2D, ADD, AVERAGE_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX, LOGISTIC,
/// CONCATENATION). Each is listed as fully supported by <c>tflm inspect</c>, runs end to end with the reference kernels
/// and the x86-simd port (identical results), and matches <see cref="NaiveReference"/>: within float tolerance for the
/// float models, and layer by layer within one quantization step for the uint8 model (every intermediate tensor kept).
/// </summary>
public class RealWorldModelTests
{
    private const int Conv2D = 3, DepthwiseConv2D = 4, Dequantize = 6, FullyConnected = 9, Logistic = 14, AveragePool2D = 1,
        Add = 0, Concatenation = 2, Reshape = 22, Softmax = 25, Densify = 124;

    /// <summary>Every kernel set of ports/kernel-sets.</summary>
    public static TheoryData<string> Implementations()
    {
        var data = new TheoryData<string>();
        foreach (TfLiteMicro.Ports.KernelSet set in TfLiteMicro.Ports.KernelSets.All) data.Add(set.Name);
        return data;
    }

    private static OpResolver Resolver(string implementation) => TestKernelSets.CreateResolver(implementation);

    private static void AssertInspectedAsSupported(byte[] model, params string[] operators)
    {
        using var directory = new TempDirectory();
        string path = directory.File("model.tflite");
        File.WriteAllBytes(path, model);
        CliResult result = CliResult.Run("inspect", path, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("all_operators_supported").GetBoolean(), result.Stdout);
        string[] listed = json.RootElement.GetProperty("required_operators").EnumerateArray().Select(op => op.GetProperty("op").GetString()!).ToArray();
        foreach (string op in operators) Assert.Contains(op, listed);
        foreach (JsonElement op in json.RootElement.GetProperty("required_operators").EnumerateArray())
            Assert.Equal("supported", op.GetProperty("status").GetString());
    }

    internal sealed unsafe class Session : IDisposable
    {
        private readonly LoadedModel model;
        private readonly NativeArena arena;

        public Session(byte[] bytes, string implementation)
        {
            model = new LoadedModel(bytes);
            arena = new NativeArena(4 << 20);
            Interpreter = new MicroInterpreter(model.Model, Resolver(implementation), arena.Pointer, arena.Size,
                new InterpreterOptions { PreserveAllTensors = true });
            Assert.True(Interpreter.AllocateTensors() == Status.Ok, Interpreter.Errors.MessageText);
        }

        public MicroInterpreter Interpreter { get; }

        public void Invoke()
        {
            Assert.True(Interpreter.Invoke() == Status.Ok, Interpreter.Errors.MessageText);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Status status = Interpreter.Invoke();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Status.Ok, status);
            Assert.Equal(0, allocated);
        }

        public T[] Tensor<T>(int index) where T : unmanaged => Interpreter.GetTensor(index).DataAs<T>().ToArray();

        public void Dispose()
        {
            arena.Dispose();
            model.Dispose();
        }
    }

    private static void AssertClose(double[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"{what}[{i}]: {actual[i]} vs {expected[i]}");
    }

    // ------------------------------------------------------------------------------------------------ 4-byte-aligned int64

    /// <summary>A FULLY_CONNECTED int8 model whose int64 zero points sit at 4 mod 8 (also a fuzzing seed).</summary>
    internal static byte[] BuildZeroPointsAtFourModEightModel()
    {
        var random = new Random(44);
        var builder = new TfLiteModelBuilder { EightByteValueOffset = 4 };
        SubgraphBuilder g = builder.AddSubgraph();
        int input = g.AddTensor(TensorType.Int8, new[] { 1, 16 }, scales: new[] { 0.05f }, zeroPoints: new long[] { -3 });
        sbyte[] weights = Enumerable.Range(0, 8 * 16).Select(_ => (sbyte)random.Next(-4, 4)).ToArray();
        int w = g.AddTensor(TensorType.Int8, new[] { 8, 16 }, TfLiteModelBuilder.Bytes(weights), new[] { 0.02f }, new long[] { 0 });
        int b = g.AddTensor(TensorType.Int32, new[] { 8 }, TfLiteModelBuilder.Bytes(new int[8]), new[] { 0.001f }, new long[] { 0 });
        int output = g.AddTensor(TensorType.Int8, new[] { 1, 8 }, scales: new[] { 0.1f }, zeroPoints: new long[] { 5 });
        g.AddOperator(FullyConnected, new[] { input, w, b }, new[] { output });
        g.SetInputs(input).SetOutputs(output);
        return builder.Build();
    }

    [Fact]
    public void ModelWithZeroPointsAtFourModEightIsInspectedAndCompressed()
    {
        // The Silicon Labs / OpenMV layout: every int64 zero point vector's elements at 4 mod 8. `tflm compress` refused
        // these files before; it now reads them (and writes its output aligned, as FlatBuffers builders do).
        byte[] model = BuildZeroPointsAtFourModEightModel();
        AssertInspectedAsSupported(model, "FULLY_CONNECTED");

        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("in.tflite"), model);
        CliResult compress = CliResult.Run("compress", directory.File("in.tflite"), "-o", directory.File("out.tflite"), "--cluster", "4");
        Assert.True(compress.ExitCode == 0, compress.ToString());
        Assert.Contains("of flash saved", compress.Stdout);
        CliResult inspect = CliResult.Run("inspect", directory.File("out.tflite"));
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("operator nodes are supported", inspect.Stdout);
    }

    // ------------------------------------------------------------------------------------------------ float16

    private static ushort[] Halves(Random random, int count, double scale) =>
        Enumerable.Range(0, count).Select(_ => BitConverter.HalfToUInt16Bits((Half)((random.NextDouble() * 2 - 1) * scale))).ToArray();

    private static double[] Widen(ushort[] halves) => halves.Select(h => (double)(float)BitConverter.UInt16BitsToHalf(h)).ToArray();

    internal sealed record Float16Model(byte[] Bytes, ushort[] ConvFilter, ushort[] ConvBias, ushort[] DepthwiseFilter, float[] DepthwiseBias,
        ushort[] TransposeFilter, ushort[] TransposeBias);

    internal static Float16Model BuildFloat16Model()
    {
        var random = new Random(16);
        ushort[] convFilter = Halves(random, 4 * 3 * 3 * 3, 0.5), convBias = Halves(random, 4, 0.2);
        ushort[] dwFilter = Halves(random, 3 * 3 * 4, 0.5);
        float[] dwBias = { 0.1f, -0.2f, 0.05f, 0f };
        ushort[] tFilter = Halves(random, 2 * 2 * 2 * 4, 0.5), tBias = Halves(random, 2, 0.3);

        var builder = new TfLiteModelBuilder();
        SubgraphBuilder g = builder.AddSubgraph("mediapipe_style_fp16");
        int input = g.AddTensor(TensorType.Float32, new[] { 1, 6, 6, 3 });
        int convFilter16 = g.AddTensor(TensorType.Float16, new[] { 4, 3, 3, 3 }, TfLiteModelBuilder.Bytes(convFilter));
        int convFilter32 = g.AddTensor(TensorType.Float32, new[] { 4, 3, 3, 3 });
        int convBias16 = g.AddTensor(TensorType.Float16, new[] { 4 }, TfLiteModelBuilder.Bytes(convBias));
        int convBias32 = g.AddTensor(TensorType.Float32, new[] { 4 });
        int conv = g.AddTensor(TensorType.Float32, new[] { 1, 6, 6, 4 });
        int dwFilter16 = g.AddTensor(TensorType.Float16, new[] { 1, 3, 3, 4 }, TfLiteModelBuilder.Bytes(dwFilter));
        int dwFilter32 = g.AddTensor(TensorType.Float32, new[] { 1, 3, 3, 4 });
        int dwBias32 = g.AddTensor(TensorType.Float32, new[] { 4 }, TfLiteModelBuilder.Bytes(dwBias));
        int dw = g.AddTensor(TensorType.Float32, new[] { 1, 6, 6, 4 });
        int tFilter16 = g.AddTensor(TensorType.Float16, new[] { 2, 2, 2, 4 }, TfLiteModelBuilder.Bytes(tFilter));
        int tFilter32 = g.AddTensor(TensorType.Float32, new[] { 2, 2, 2, 4 });
        int tBias16 = g.AddTensor(TensorType.Float16, new[] { 2 }, TfLiteModelBuilder.Bytes(tBias));
        int tBias32 = g.AddTensor(TensorType.Float32, new[] { 2 });
        int output = g.AddTensor(TensorType.Float32, new[] { 1, 12, 12, 2 });
        foreach ((int from, int to) in new[] { (convFilter16, convFilter32), (convBias16, convBias32), (dwFilter16, dwFilter32), (tFilter16, tFilter32), (tBias16, tBias32) })
            g.AddOperator(Dequantize, new[] { from }, new[] { to });
        g.AddOperator(Conv2D, new[] { input, convFilter32, convBias32 }, new[] { conv }, (byte)BuiltinOptions.Conv2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, (sbyte)ActivationFunctionType.RELU));
        g.AddOperator(DepthwiseConv2D, new[] { conv, dwFilter32, dwBias32 }, new[] { dw }, (byte)BuiltinOptions.DepthwiseConv2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, 1));
        g.AddCustomOperator("Convolution2DTransposeBias", new[] { dw, tFilter32, tBias32 }, new[] { output }, TfLiteModelBuilder.Bytes(1, 2, 2));
        g.SetInputs(input).SetOutputs(output);
        return new Float16Model(builder.Build(), convFilter, convBias, dwFilter, dwBias, tFilter, tBias);
    }

    [Fact]
    public void Float16ModelIsInspectedAsSupported() =>
        AssertInspectedAsSupported(BuildFloat16Model().Bytes, "DEQUANTIZE", "CONV_2D", "DEPTHWISE_CONV_2D", "Convolution2DTransposeBias");

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Float16ModelMatchesTheFloatDefinition(string implementation)
    {
        Float16Model m = BuildFloat16Model();
        var random = new Random(1);
        float[] input = Enumerable.Range(0, 6 * 6 * 3).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        using var session = new Session(m.Bytes, implementation);
        input.AsSpan().CopyTo(session.Interpreter.Input(0).DataAs<float>());
        session.Invoke();

        double[] x = input.Select(v => (double)v).ToArray();
        double[] conv = NaiveReference.Relu(NaiveReference.Conv(x, 1, 6, 6, 3, Widen(m.ConvFilter), 4, 3, 3, Widen(m.ConvBias), 1, true, false, out _, out _));
        double[] dw = NaiveReference.Conv(conv, 1, 6, 6, 4, Widen(m.DepthwiseFilter), 4, 3, 3, m.DepthwiseBias.Select(v => (double)v).ToArray(), 1, true, true, out _, out _);
        double[] output = NaiveReference.TransposeConv(dw, 6, 6, 4, Widen(m.TransposeFilter), 2, 2, Widen(m.TransposeBias), 2, out int oh, out int ow);
        Assert.Equal((12, 12), (oh, ow));
        AssertClose(output, session.Interpreter.Output(0).DataAs<float>().ToArray(), "output");
    }

    // ------------------------------------------------------------------------------------------------ DENSIFY

    internal sealed record SparseModel(byte[] Bytes, float[] Dense1, float[] Bias1, float[] Dense2);

    internal static SparseModel BuildSparseModel()
    {
        var random = new Random(124);
        float[] Sparse(int count, double density) => Enumerable.Range(0, count)
            .Select(_ => random.NextDouble() < density ? (float)(float)(Half)((random.NextDouble() * 2 - 1)) : 0f).ToArray();
        float[] dense1 = Sparse(6 * 10, 0.4);
        float[] bias1 = { 0.1f, 0, -0.1f, 0.2f, 0, 0.05f };
        // Block-sparse 4×6 in 2×2 blocks: whole blocks are zero or not.
        float[] dense2 = new float[4 * 6];
        for (int by = 0; by < 2; by++)
            for (int bx = 0; bx < 3; bx++)
                if (random.Next(2) == 0)
                    for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) dense2[(by * 2 + y) * 6 + bx * 2 + x] = (float)(random.NextDouble() * 2 - 1);
        dense2[0] = 0.75f; // at least one non-zero block

        ushort[] halves1 = dense1.Select(v => BitConverter.HalfToUInt16Bits((Half)v)).ToArray();
        var sparse1 = SparseTensorEncoder.Encode(halves1, new[] { 6, 10 }, new[] { 0, 1 }, new[] { false, true });
        var sparse2 = SparseTensorEncoder.Encode(dense2, new[] { 4, 6 }, new[] { 0, 1, 2, 3 }, new[] { false, true, false, false }, new[] { 0, 1 }, new[] { 2, 2 });

        var builder = new TfLiteModelBuilder();
        SubgraphBuilder g = builder.AddSubgraph("sparse");
        int input = g.AddTensor(TensorType.Float32, new[] { 2, 10 });
        int w1Sparse = g.AddTensor(TensorType.Float16, new[] { 6, 10 }, TfLiteModelBuilder.Bytes(sparse1.Values), sparsity: sparse1.ToTable(SparseIndexVector.Uint8Vector));
        int w1Half = g.AddTensor(TensorType.Float16, new[] { 6, 10 });
        int w1 = g.AddTensor(TensorType.Float32, new[] { 6, 10 });
        int b1 = g.AddTensor(TensorType.Float32, new[] { 6 }, TfLiteModelBuilder.Bytes(bias1));
        int hidden = g.AddTensor(TensorType.Float32, new[] { 2, 6 });
        int w2Sparse = g.AddTensor(TensorType.Float32, new[] { 4, 6 }, TfLiteModelBuilder.Bytes(sparse2.Values), sparsity: sparse2.ToTable(SparseIndexVector.Uint16Vector));
        int w2 = g.AddTensor(TensorType.Float32, new[] { 4, 6 });
        int output = g.AddTensor(TensorType.Float32, new[] { 2, 4 });
        g.AddOperator(Densify, new[] { w1Sparse }, new[] { w1Half });
        g.AddOperator(Dequantize, new[] { w1Half }, new[] { w1 });
        g.AddOperator(FullyConnected, new[] { input, w1, b1 }, new[] { hidden });
        g.AddOperator(Densify, new[] { w2Sparse }, new[] { w2 });
        g.AddOperator(FullyConnected, new[] { hidden, w2, -1 }, new[] { output });
        g.SetInputs(input).SetOutputs(output);
        return new SparseModel(builder.Build(), dense1, bias1, dense2);
    }

    [Fact]
    public void SparseModelIsInspectedAsSupported() =>
        AssertInspectedAsSupported(BuildSparseModel().Bytes, "DENSIFY", "DEQUANTIZE", "FULLY_CONNECTED");

    [Theory]
    [MemberData(nameof(Implementations))]
    public void SparseModelMatchesTheDenseDefinition(string implementation)
    {
        SparseModel m = BuildSparseModel();
        var random = new Random(2);
        float[] input = Enumerable.Range(0, 20).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        using var session = new Session(m.Bytes, implementation);
        input.AsSpan().CopyTo(session.Interpreter.Input(0).DataAs<float>());
        session.Invoke();
        double[] hidden = NaiveReference.FullyConnected(input.Select(v => (double)v).ToArray(), 2, 10, m.Dense1.Select(v => (double)v).ToArray(), 6,
            m.Bias1.Select(v => (double)v).ToArray());
        double[] output = NaiveReference.FullyConnected(hidden, 2, 6, m.Dense2.Select(v => (double)v).ToArray(), 4, new double[4]);
        AssertClose(output, session.Interpreter.Output(0).DataAs<float>().ToArray(), "output");
    }

    // ------------------------------------------------------------------------------------------------ uint8

    internal sealed record Q(float Scale, int ZeroPoint)
    {
        public double Real(byte q) => Scale * (q - ZeroPoint);
        public double[] Real(byte[] q) => q.Select(v => (double)Scale * (v - ZeroPoint)).ToArray();
        public int Ideal(double value) => (int)Math.Clamp(Math.Round(value / Scale + ZeroPoint, MidpointRounding.AwayFromZero), 0, 255);
    }

    internal sealed class UInt8Model
    {
        public required byte[] Bytes { get; init; }
        public required Dictionary<string, int> Tensors { get; init; }
        public required Dictionary<int, Q> Quantization { get; init; }
        public required Dictionary<int, byte[]> Weights { get; init; }
        public required Dictionary<int, int[]> Biases { get; init; }
    }

    /// <param name="eightByteValueOffset">4 writes every int64 zero point at 4 mod 8 (the fuzzing seed that reads them unaligned).</param>
    internal static UInt8Model BuildUInt8Model(int eightByteValueOffset = 0)
    {
        var random = new Random(8);
        var builder = new TfLiteModelBuilder { EightByteValueOffset = eightByteValueOffset };
        SubgraphBuilder g = builder.AddSubgraph("mobilenet_style_uint8");
        var tensors = new Dictionary<string, int>();
        var quantization = new Dictionary<int, Q>();
        var weights = new Dictionary<int, byte[]>();
        var biases = new Dictionary<int, int[]>();
        int Activation(string name, int[] shape, Q q)
        {
            int t = g.AddTensor(TensorType.UInt8, shape, scales: new[] { q.Scale }, zeroPoints: new long[] { q.ZeroPoint }, tensorName: name);
            tensors[name] = t;
            quantization[t] = q;
            return t;
        }
        int Weights(string name, int[] shape, Q q)
        {
            byte[] data = Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => (byte)random.Next(256)).ToArray();
            int t = g.AddTensor(TensorType.UInt8, shape, data, new[] { q.Scale }, new long[] { q.ZeroPoint }, tensorName: name);
            tensors[name] = t;
            quantization[t] = q;
            weights[t] = data;
            return t;
        }
        int Bias(string name, int count, float scale)
        {
            int[] data = Enumerable.Range(0, count).Select(_ => random.Next(-300, 300)).ToArray();
            int t = g.AddTensor(TensorType.Int32, new[] { count }, TfLiteModelBuilder.Bytes(data), new[] { scale }, new long[] { 0 }, tensorName: name);
            tensors[name] = t;
            biases[t] = data;
            return t;
        }

        var qIn = new Q(1f / 128, 128);
        var qW = new Q(0.01f, 127);
        var qRelu6 = new Q(6f / 255, 0);
        var qWide = new Q(0.05f, 128);
        var qProb = new Q(1f / 256, 0);
        int input = Activation("input", new[] { 1, 8, 8, 3 }, qIn);
        int w1 = Weights("conv1/weights", new[] { 8, 3, 3, 3 }, qW);
        int b1 = Bias("conv1/bias", 8, qIn.Scale * qW.Scale);
        int conv1 = Activation("conv1", new[] { 1, 4, 4, 8 }, qRelu6);
        int w2 = Weights("dw/weights", new[] { 1, 3, 3, 8 }, qW);
        int b2 = Bias("dw/bias", 8, qRelu6.Scale * qW.Scale);
        int dw = Activation("dw", new[] { 1, 4, 4, 8 }, qRelu6);
        int w3 = Weights("project/weights", new[] { 8, 1, 1, 8 }, qW);
        int b3 = Bias("project/bias", 8, qRelu6.Scale * qW.Scale);
        int project = Activation("project", new[] { 1, 4, 4, 8 }, qWide);
        int residual = Activation("residual", new[] { 1, 4, 4, 8 }, qWide);
        int pool = Activation("pool", new[] { 1, 1, 1, 8 }, qWide);
        int flat = Activation("flat", new[] { 1, 8 }, qWide);
        int w4 = Weights("logits/weights", new[] { 5, 8 }, qW);
        int b4 = Bias("logits/bias", 5, qWide.Scale * qW.Scale);
        int logits = Activation("logits", new[] { 1, 5 }, new Q(0.1f, 128));
        int probabilities = Activation("probabilities", new[] { 1, 5 }, qProb);
        int sigmoid = Activation("sigmoid", new[] { 1, 5 }, qProb);
        int both = Activation("both", new[] { 1, 10 }, qProb);

        g.AddOperator(Conv2D, new[] { input, w1, b1 }, new[] { conv1 }, (byte)BuiltinOptions.Conv2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 2).Scalar(2, 2).Scalar(3, (sbyte)ActivationFunctionType.RELU6));
        g.AddOperator(DepthwiseConv2D, new[] { conv1, w2, b2 }, new[] { dw }, (byte)BuiltinOptions.DepthwiseConv2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.SAME).Scalar(1, 1).Scalar(2, 1).Scalar(3, 1).Scalar(4, (sbyte)ActivationFunctionType.RELU6));
        g.AddOperator(Conv2D, new[] { dw, w3, b3 }, new[] { project }, (byte)BuiltinOptions.Conv2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.VALID).Scalar(1, 1).Scalar(2, 1));
        g.AddOperator(Add, new[] { project, conv1 }, new[] { residual }, (byte)BuiltinOptions.AddOptions, new FbTable());
        g.AddOperator(AveragePool2D, new[] { residual }, new[] { pool }, (byte)BuiltinOptions.Pool2DOptions,
            new FbTable().Scalar(0, (sbyte)Padding.VALID).Scalar(1, 4).Scalar(2, 4).Scalar(3, 4).Scalar(4, 4));
        g.AddOperator(Reshape, new[] { pool }, new[] { flat });
        g.AddOperator(FullyConnected, new[] { flat, w4, b4 }, new[] { logits }, (byte)BuiltinOptions.FullyConnectedOptions, new FbTable());
        g.AddOperator(Softmax, new[] { logits }, new[] { probabilities }, (byte)BuiltinOptions.SoftmaxOptions, new FbTable().Scalar(0, 1f));
        g.AddOperator(Logistic, new[] { logits }, new[] { sigmoid });
        g.AddOperator(Concatenation, new[] { probabilities, sigmoid }, new[] { both }, (byte)BuiltinOptions.ConcatenationOptions, new FbTable().Scalar(0, 1));
        g.SetInputs(input).SetOutputs(probabilities, both);
        return new UInt8Model { Bytes = builder.Build(), Tensors = tensors, Quantization = quantization, Weights = weights, Biases = biases };
    }

    [Fact]
    public void UInt8ModelIsInspectedAsSupported() =>
        AssertInspectedAsSupported(BuildUInt8Model().Bytes, "CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE",
            "FULLY_CONNECTED", "SOFTMAX", "LOGISTIC", "CONCATENATION");

    [Theory]
    [MemberData(nameof(Implementations))]
    public void UInt8ModelMatchesTheDefinitionLayerByLayer(string implementation)
    {
        UInt8Model m = BuildUInt8Model();
        var random = new Random(3);
        byte[] input = Enumerable.Range(0, 8 * 8 * 3).Select(_ => (byte)random.Next(256)).ToArray();
        using var session = new Session(m.Bytes, implementation);
        input.AsSpan().CopyTo(session.Interpreter.Input(0).DataAs<byte>());
        session.Invoke();

        int T(string name) => m.Tensors[name];
        Q Of(string name) => m.Quantization[T(name)];
        double[] Real(string name) => Of(name).Real(session.Tensor<byte>(T(name)));
        double[] W(string name) => Of(name).Real(m.Weights[T(name)]);
        double[] B(string name, float scale) => m.Biases[T(name)].Select(v => (double)v * scale).ToArray();
        void Check(string name, double[] expected)
        {
            Q q = Of(name);
            byte[] actual = session.Tensor<byte>(T(name));
            Assert.Equal(expected.Length, actual.Length);
            int differing = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                int ideal = q.Ideal(expected[i]);
                Assert.True(Math.Abs(ideal - actual[i]) <= 1, $"{name}[{i}]: {actual[i]}, reference {ideal} ({expected[i]})");
                if (ideal != actual[i]) differing++;
            }
            Assert.True(differing <= expected.Length / 4, $"{name}: {differing} of {expected.Length} elements one step off");
            // A layer stuck at one value (saturated) would check nothing.
            Assert.True(actual.Distinct().Count() >= Math.Min(3, actual.Length), $"{name}: values {string.Join(",", actual.Distinct())}");
        }

        // Each layer from the kernel's actual input, so one step of difference does not compound.
        Check("conv1", NaiveReference.Relu6(NaiveReference.Conv(Real("input"), 1, 8, 8, 3, W("conv1/weights"), 8, 3, 3,
            B("conv1/bias", Of("input").Scale * Of("conv1/weights").Scale), 2, true, false, out _, out _)));
        Check("dw", NaiveReference.Relu6(NaiveReference.Conv(Real("conv1"), 1, 4, 4, 8, W("dw/weights"), 8, 3, 3,
            B("dw/bias", Of("conv1").Scale * Of("dw/weights").Scale), 1, true, true, out _, out _)));
        Check("project", NaiveReference.Conv(Real("dw"), 1, 4, 4, 8, W("project/weights"), 8, 1, 1,
            B("project/bias", Of("dw").Scale * Of("project/weights").Scale), 1, false, false, out _, out _));
        double[] project = Real("project"), conv1 = Real("conv1");
        Check("residual", project.Select((v, i) => v + conv1[i]).ToArray());
        Check("pool", NaiveReference.Mean(Real("residual"), 16, 8));
        Assert.Equal(session.Tensor<byte>(T("pool")), session.Tensor<byte>(T("flat")));
        Check("logits", NaiveReference.FullyConnected(Real("flat"), 1, 8, W("logits/weights"), 5, B("logits/bias", Of("flat").Scale * Of("logits/weights").Scale)));
        Check("probabilities", NaiveReference.Softmax(Real("logits")));
        Check("sigmoid", NaiveReference.Logistic(Real("logits")));
        Assert.Equal(session.Tensor<byte>(T("probabilities")).Concat(session.Tensor<byte>(T("sigmoid"))).ToArray(), session.Tensor<byte>(T("both")));
    }

    [Fact]
    public void UInt8ModelGivesTheSameBytesWithEveryImplementation()
    {
        UInt8Model m = BuildUInt8Model();
        byte[][] outputs = new[] { "reference", "x86-simd" }.Select(implementation =>
        {
            using var session = new Session(m.Bytes, implementation);
            var random = new Random(4);
            byte[] input = Enumerable.Range(0, 8 * 8 * 3).Select(_ => (byte)random.Next(256)).ToArray();
            input.AsSpan().CopyTo(session.Interpreter.Input(0).DataAs<byte>());
            session.Invoke();
            return session.Interpreter.Output(1).DataAs<byte>().ToArray();
        }).ToArray();
        Assert.Equal(outputs[0], outputs[1]);
    }
}
