using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Tests.ControlFlow;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Compression;

/// <summary>
/// Compressed models that must be refused, each with a message that says what is wrong: a kernel that does not
/// decompress, and malformed or unsupported COMPRESSION_METADATA (checked once, at AllocateTensors, so Invoke can
/// never read outside a value table).
/// </summary>
public class CompressionErrorTests
{
    private const int Input = 0;
    private const int Weights = 1;

    /// <summary>
    /// FULLY_CONNECTED float [1,4] × [2,4]: the weights take 3 distinct values (2-bit indices). <paramref name="entries"/>
    /// gets the weights' value buffer and returns the metadata entries (subgraph, tensor, value buffer, bits).
    /// </summary>
    private static byte[] Model(Func<int, List<(int, int, int, int)>> entries, TensorType weightType = TensorType.Float32,
        byte[]? table = null, int subgraphCount = 1, uint schemaVersion = 1, byte[]? rawMetadata = null, bool perChannelMiddleAxis = false)
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        int elementSize = LutModelCompression.ElementSize(weightType);
        byte[] weights = new byte[8 * elementSize];
        for (int i = 0; i < 8; i++) weights[i * elementSize] = (byte)(i % 3);
        LutModelCompression.Encode(weights, elementSize, 1, false, out byte[] packed, out byte[] tables, out _);
        main.AddTensor(TensorType.Float32, new[] { 1, 4 });
        if (perChannelMiddleAxis)
        {
            main.AddTensor(weightType, new[] { 2, 2, 2 }, packed, new[] { 0.1f, 0.2f }, new long[2], quantizedDimension: 1);
        }
        else
        {
            main.AddTensor(weightType, new[] { 2, 4 }, packed, weightType == TensorType.Int8 ? new[] { 0.1f } : null);
        }
        int valueBuffer = builder.AddBuffer(table ?? tables);
        int output = main.AddTensor(TensorType.Float32, new[] { 1, 2 });
        main.AddOperator((int)BuiltinOperator.FULLY_CONNECTED, new[] { Input, Weights, -1 }, new[] { output },
            (byte)BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)ActivationFunctionType.NONE));
        main.SetInputs(Input).SetOutputs(output);
        builder.AddMetadata("COMPRESSION_METADATA", rawMetadata ?? LutModelCompression.Metadata(entries(valueBuffer), subgraphCount, schemaVersion));
        return builder.Build();
    }

    private static List<(int, int, int, int)> One(int tensor, int valueBuffer, int bits) => new() { (0, tensor, valueBuffer, bits) };

    private static void AssertRefused(byte[] model, Status expected, params string[] fragments)
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, model);
        Assert.Equal(expected, harness.Interpreter.AllocateTensors());
        foreach (string fragment in fragments) Assert.Contains(fragment, harness.Message);
    }

    /// <summary>
    /// The model verifier cannot tell a compressed constant from a short one (only the metadata says which is which),
    /// so a constant the metadata does not list must hold shape × element size bytes, or a kernel would read past it.
    /// </summary>
    [Fact]
    public void AShortConstantTheMetadataDoesNotListIsRefused()
    {
        AssertRefused(Model(_ => new List<(int, int, int, int)>()), Status.MalformedModel,
            "tensor 1", "constant data is 2 bytes", "not listed in COMPRESSION_METADATA");
    }

    [Fact]
    public void TheWellFormedModelRunsAndReportsItsCompressionTable()
    {
        using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, Model(buffer => One(Weights, buffer, 2))).Allocated();
        Assert.Equal(1, harness.Interpreter.CompressedTensorCount);
        // The per-tensor pointer table of the subgraph and one entry for the compressed tensor.
        Assert.Equal(2, harness.Interpreter.ArenaUsage.Count(AllocationCategory.CompressionData));
        harness.SetInput(0, 1f, 10f, 100f, 1000f);
        harness.Invoke();
        // weights 0,1,2,0 / 1,2,0,1 as float32 bit patterns of 0,1,2 in the low byte: tiny denormals — compare exactly.
        float[] expected = new float[2];
        float[] w = new float[8];
        for (int i = 0; i < 8; i++) w[i] = BitConverter.Int32BitsToSingle(i % 3);
        float[] x = { 1f, 10f, 100f, 1000f };
        for (int o = 0; o < 2; o++)
        {
            for (int k = 0; k < 4; k++) expected[o] += x[k] * w[o * 4 + k];
        }
        Assert.Equal(expected, harness.Output<float>(0));
    }

    [Fact]
    public void AKernelThatDoesNotDecompressIsRefusedAtPrepare()
    {
        TfLiteModelBuilder builder = new TfLiteModelBuilder();
        SubgraphBuilder main = builder.AddSubgraph("main");
        LutModelCompression lut = new LutModelCompression(builder, compress: true);
        int x = main.AddTensor(TensorType.Float32, new[] { 4 });
        int constant = lut.AddConstant(main, 0, TensorType.Float32, new[] { 4 }, TfLiteModelBuilder.Bytes(new[] { 1f, 2f, 1f, 2f }));
        int y = main.AddTensor(TensorType.Float32, new[] { 4 });
        main.AddOperator((int)BuiltinOperator.ADD, new[] { x, constant }, new[] { y }, (byte)BuiltinOptions.AddOptions, new FbTable());
        main.SetInputs(x).SetOutputs(y);
        lut.Finish();
        AssertRefused(builder.Build(), Status.UnsupportedOperator,
            "ADD (subgraph 0, node 0) Prepare: input 1 (tensor 1) is LUT-compressed but this kernel does not decompress it",
            "FULLY_CONNECTED, CONV_2D");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void BitWidthsOutsideOneToSevenAreRefused(int bits) =>
        AssertRefused(Model(buffer => One(Weights, buffer, bits)), Status.MalformedModel,
            "COMPRESSION_METADATA (subgraph 0, lut_tensors 0): tensor 1: index_bitwidth " + bits + " is outside 1..7");

    [Fact]
    public void ATensorIndexOutOfRangeIsRefused() =>
        AssertRefused(Model(buffer => One(99, buffer, 2)), Status.MalformedModel, "tensor index 99 is out of range (3 tensors)");

    [Fact]
    public void AValueBufferOutOfRangeIsRefused() =>
        AssertRefused(Model(buffer => One(Weights, 999, 2)), Status.MalformedModel, "value_buffer 999 is out of range");

    [Fact]
    public void ANonConstantTensorIsRefused() =>
        AssertRefused(Model(buffer => One(Input, buffer, 2)), Status.MalformedModel, "tensor 0 is not a constant tensor");

    [Fact]
    public void AnIndexPastItsTableIsRefused() =>
        // Two table values, but the weights use index 2.
        AssertRefused(Model(buffer => One(Weights, buffer, 2), table: new byte[8]), Status.MalformedModel,
            "element 2 has index 2 but each value table holds 2 values");

    [Fact]
    public void TooFewPackedBytesForTheBitWidthAreRefused() =>
        AssertRefused(Model(buffer => One(Weights, buffer, 7)), Status.MalformedModel, "8 indices of 7 bits need 7 bytes but the buffer holds 2");

    [Fact]
    public void ATensorListedTwiceIsRefused() =>
        AssertRefused(Model(buffer => new() { (0, Weights, buffer, 2), (0, Weights, buffer, 2) }), Status.MalformedModel,
            "lut_tensors 1): tensor 1 is listed twice");

    [Fact]
    public void UnsupportedTypesAreRefused() =>
        AssertRefused(Model(buffer => One(Weights, buffer, 2), weightType: TensorType.UInt8), Status.MalformedModel,
            "has type UINT8; compressed tensors must be FLOAT32, INT8, INT16, INT32, INT64 or BOOL");

    [Fact]
    public void PerChannelTablesAlongAMiddleAxisAreRefused() =>
        AssertRefused(Model(buffer => One(Weights, buffer, 2), weightType: TensorType.Int8, perChannelMiddleAxis: true), Status.MalformedModel,
            "is quantized along axis 1; compression supports per-channel tables only along the first or the last axis");

    [Fact]
    public void MoreSubgraphsThanTheModelHasAreRefused() =>
        AssertRefused(Model(buffer => One(Weights, buffer, 2), subgraphCount: 3), Status.MalformedModel,
            "COMPRESSION_METADATA describes 3 subgraphs but the model has 1");

    [Fact]
    public void ANewerSchemaVersionIsRefused() =>
        AssertRefused(Model(buffer => One(Weights, buffer, 2), schemaVersion: 2), Status.MalformedModel,
            "COMPRESSION_METADATA schema version 2 is newer than the supported version 1");

    [Fact]
    public void MalformedMetadataBytesAreRefusedWithoutACrash()
    {
        byte[] good = LutModelCompression.Metadata(One(Weights, 2, 2), 1);
        AssertRefused(Model(_ => new(), rawMetadata: new byte[] { 1, 2, 3 }), Status.MalformedModel, "COMPRESSION_METADATA is 3 bytes");
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] mutated = (byte[])good.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            using ModelHarness harness = new ModelHarness(KernelImplementations.Reference, Model(_ => new(), rawMetadata: mutated));
            Status status = harness.Interpreter.AllocateTensors();
            if (status != Status.Ok) Assert.False(string.IsNullOrEmpty(harness.Message));
        }
    }
}
