using System;
using System.Collections.Generic;
using System.Linq;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Memory;
using TfLiteMicro.Ports.Template;
using TfLiteMicro.Ports.X86Simd;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Densify;

/// <summary>
/// DENSIFY (TFLite's densify.cc; TFLM has none): TFLite's densify_test.cc vectors, random dense tensors written sparse by
/// <see cref="SparseTensorEncoder"/> (an encoder written from the schema, independent of the kernel) in every traversal
/// order, format mix, block map and index width, and every rule of the sparsity metadata broken on purpose. Runs as a
/// one-op model through the interpreter (the kernel reads the metadata from the model) with each implementation.
/// </summary>
public unsafe class DensifyTests
{
    private const int Densify = 124, FullyConnected = 9;

    /// <summary>Every kernel of the named set (ports/kernel-sets, through TestKernelSets).</summary>
    internal static OpResolver Resolver(string implementation) => TestKernelSets.CreateResolver(implementation);

    private static byte[] Model<T>(TensorType type, int[] shape, T[] values, FbTable sparsity) where T : unmanaged
    {
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder graph = builder.AddSubgraph();
        int input = graph.AddTensor(type, shape, TfLiteModelBuilder.Bytes(values), sparsity: sparsity);
        int output = graph.AddTensor(type, shape);
        graph.AddOperator(Densify, new[] { input }, new[] { output });
        graph.SetInputs().SetOutputs(output);
        return builder.Build();
    }

    /// <summary>Runs the model; returns the output, or null and the message when AllocateTensors fails.</summary>
    private static T[]? Run<T>(string implementation, byte[] modelBytes, out string message) where T : unmanaged
    {
        using var model = new LoadedModel(modelBytes);
        using var arena = new NativeArena(1 << 18);
        var interpreter = new MicroInterpreter(model.Model, Resolver(implementation), arena.Pointer, arena.Size);
        message = "";
        if (interpreter.AllocateTensors() != Status.Ok)
        {
            message = interpreter.Errors.MessageText;
            return null;
        }
        Assert.Equal(Status.Ok, interpreter.Invoke());
        long before = GC.GetAllocatedBytesForCurrentThread();
        Status status = Status.Ok;
        for (int i = 0; i < 3 && status == Status.Ok; i++) status = interpreter.Invoke();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Status.Ok, status);
        Assert.Equal(0, allocated);
        return interpreter.Output(0).DataAs<T>().ToArray();
    }

    private static string Reject(byte[] modelBytes)
    {
        Assert.Null(Run<float>(KernelImplementations.Reference, modelBytes, out string message));
        return message;
    }

    private static readonly float[] TfliteDense = { 6, 0, 9, 8, 0, 0, 0, 0, 5, 0, 0, 7 };

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TfliteVectors(string implementation)
    {
        // densify_test.cc: Float ([3,4], dense then CSR), Float3D ([3,2,2], dense, dense, CSR) and Int8; stored {6,9,8,5,7}.
        var float2D = SparseTensorEncoder.Encode(TfliteDense, new[] { 3, 4 }, new[] { 0, 1 }, new[] { false, true });
        Assert.Equal(new float[] { 6, 9, 8, 5, 7 }, float2D.Values);
        Assert.Equal(new[] { 0, 3, 3, 5 }, float2D.Segments[1]);
        Assert.Equal(new[] { 0, 2, 3, 0, 3 }, float2D.Indices[1]);
        Assert.Equal(TfliteDense, Run<float>(implementation, Model(TensorType.Float32, new[] { 3, 4 }, float2D.Values, float2D.ToTable()), out _));

        var float3D = SparseTensorEncoder.Encode(TfliteDense, new[] { 3, 2, 2 }, new[] { 0, 1, 2 }, new[] { false, false, true });
        Assert.Equal(new float[] { 6, 9, 8, 5, 7 }, float3D.Values);
        Assert.Equal(TfliteDense, Run<float>(implementation, Model(TensorType.Float32, new[] { 3, 2, 2 }, float3D.Values, float3D.ToTable()), out _));

        sbyte[] int8Dense = TfliteDense.Select(v => (sbyte)v).ToArray();
        var int8 = SparseTensorEncoder.Encode(int8Dense, new[] { 3, 4 }, new[] { 0, 1 }, new[] { false, true });
        Assert.Equal(new sbyte[] { 6, 9, 8, 5, 7 }, int8.Values);
        Assert.Equal(int8Dense, Run<sbyte>(implementation, Model(TensorType.Int8, new[] { 3, 4 }, int8.Values, int8.ToTable(SparseIndexVector.Uint8Vector)), out _));
    }

    [Fact]
    public void BlockSparseMatrixAsTheSchemaDescribesIt()
    {
        // A 4×4 matrix in 2×2 blocks, blocks in row-major order, both block levels dense (the converter's layout):
        // traversal_order (d0, d1, d2, d3), block_map (0, 1), formats dense, CSR, dense, dense.
        float[] dense = { 1, 0, 0, 0, 2, 3, 0, 0, 0, 0, 4, 0, 0, 0, 0, 5 };
        var encoded = SparseTensorEncoder.Encode(dense, new[] { 4, 4 }, new[] { 0, 1, 2, 3 }, new[] { false, true, false, false },
            new[] { 0, 1 }, new[] { 2, 2 });
        // Block row 0 keeps block column 0; block row 1 keeps block column 1; each block stores its 4 values.
        Assert.Equal(new[] { 0, 1, 2 }, encoded.Segments[1]);
        Assert.Equal(new[] { 0, 1 }, encoded.Indices[1]);
        Assert.Equal(new float[] { 1, 0, 2, 3, 4, 0, 0, 5 }, encoded.Values);
        foreach (SparseIndexVector indexType in new[] { SparseIndexVector.Int32Vector, SparseIndexVector.Uint16Vector, SparseIndexVector.Uint8Vector })
        {
            Assert.Equal(dense, Run<float>(KernelImplementations.Reference, Model(TensorType.Float32, new[] { 4, 4 }, encoded.Values, encoded.ToTable(indexType)), out _));
        }
    }

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 60).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSparseTensorsRoundTrip(int seed)
    {
        var random = new Random(seed);
        int rank = 1 + random.Next(4);
        int[] shape = Enumerable.Range(0, rank).Select(_ => 1 + random.Next(6)).ToArray();
        // Block some dimensions (increasing block_map) by a divisor of their extent.
        var blockMap = new List<int>();
        var blockSizes = new List<int>();
        for (int d = 0; d < rank; d++)
        {
            int[] divisors = Enumerable.Range(1, shape[d]).Where(s => shape[d] % s == 0).ToArray();
            if (random.Next(3) == 0) { blockMap.Add(d); blockSizes.Add(divisors[random.Next(divisors.Length)]); }
        }
        int levels = rank + blockMap.Count;
        int[] order = Enumerable.Range(0, rank).OrderBy(_ => random.Next()).Concat(Enumerable.Range(rank, blockMap.Count).OrderBy(_ => random.Next())).ToArray();
        bool[] compressed = Enumerable.Range(0, levels).Select(_ => random.Next(2) == 0).ToArray();
        int count = shape.Aggregate(1, (a, b) => a * b);
        double density = random.NextDouble();
        float[] dense = Enumerable.Range(0, count).Select(_ => random.NextDouble() < density ? (float)Math.Round(random.NextDouble() * 20 - 10, 2) : 0f).ToArray();
        // Index arrays as narrow as a converter may pick: segment counts can outgrow uint8 (or uint16).
        SparseIndexVector indexType = (SparseIndexVector)(1 + random.Next(3));
        if (indexType == SparseIndexVector.Uint8Vector && count > 255) indexType = SparseIndexVector.Uint16Vector;
        TensorType type = (TensorType)new[] { (int)TensorType.Float32, (int)TensorType.Float16, (int)TensorType.Int8 }[random.Next(3)];
        string implementation = KernelImplementations.All().ElementAt(seed % 3)[0].ToString()!;
        string what = $"shape [{string.Join(",", shape)}] order [{string.Join(",", order)}] blocks [{string.Join(",", blockMap)}]/[{string.Join(",", blockSizes)}] csr [{string.Join(",", compressed)}] {type} {indexType}";

        // An all-zero tensor with only CSR levels stores no values: an empty buffer means "no data" in TFLite's schema,
        // so the input is not constant and DENSIFY (TFLite's too) refuses it.
        if (SparseTensorEncoder.Encode(dense, shape, order, compressed, blockMap.ToArray(), blockSizes.ToArray()).Values.Length == 0)
        {
            var empty = SparseTensorEncoder.Encode(dense, shape, order, compressed, blockMap.ToArray(), blockSizes.ToArray());
            Assert.Contains("is not a constant sparse tensor", Reject(Model(TensorType.Float32, shape, empty.Values, empty.ToTable(indexType))));
            return;
        }
        switch (type)
        {
            case TensorType.Float32:
            {
                var encoded = SparseTensorEncoder.Encode(dense, shape, order, compressed, blockMap.ToArray(), blockSizes.ToArray());
                Assert.True(dense.SequenceEqual(Run<float>(implementation, Model(type, shape, encoded.Values, encoded.ToTable(indexType)), out string m)!), what + m);
                break;
            }
            case TensorType.Float16:
            {
                ushort[] halves = dense.Select(v => BitConverter.HalfToUInt16Bits((Half)v)).ToArray();
                var encoded = SparseTensorEncoder.Encode(halves, shape, order, compressed, blockMap.ToArray(), blockSizes.ToArray());
                Assert.True(halves.SequenceEqual(Run<ushort>(implementation, Model(type, shape, encoded.Values, encoded.ToTable(indexType)), out string m)!), what + m);
                break;
            }
            default:
            {
                sbyte[] bytes = dense.Select(v => (sbyte)v).ToArray();
                var encoded = SparseTensorEncoder.Encode(bytes, shape, order, compressed, blockMap.ToArray(), blockSizes.ToArray());
                Assert.True(bytes.SequenceEqual(Run<sbyte>(implementation, Model(type, shape, encoded.Values, encoded.ToTable(indexType)), out string m)!), what + m);
                break;
            }
        }
    }

    // ----- malformed metadata: each is a clean AllocateTensors error naming the rule -----

    /// <summary>The TFLite example ([3,4], dense then CSR) with its metadata given explicitly, to break one piece at a time.</summary>
    private static byte[] Explicit(int[]? order = null, int[]? blockMap = null, int denseSize = 3, int[]? segments = null, int[]? indices = null,
        float[]? values = null, int dimCount = 2, sbyte csrFormat = 1, bool withArrays = true, int blockSize = 1)
    {
        var dims = new List<FbObject> { new FbTable().Scalar(0, (sbyte)0).Scalar(1, denseSize) };
        var csr = new FbTable().Scalar(0, csrFormat).Scalar(1, 4);
        if (withArrays)
        {
            csr.Scalar(2, (byte)1).Child(3, SparseTensorEncoder.IndexTable(segments ?? new[] { 0, 3, 3, 5 }, SparseIndexVector.Int32Vector))
                .Scalar(4, (byte)1).Child(5, SparseTensorEncoder.IndexTable(indices ?? new[] { 0, 2, 3, 0, 3 }, SparseIndexVector.Int32Vector));
        }
        dims.Add(csr);
        if (dimCount > 2) dims.Add(new FbTable().Scalar(0, (sbyte)0).Scalar(1, blockSize));
        var table = new FbTable().Child(0, FbScalarVector.Of(order ?? new[] { 0, 1 })).Child(2, new FbTableVector(dims.Take(dimCount).ToList()));
        if (blockMap != null) table.Child(1, FbScalarVector.Of(blockMap));
        return Model(TensorType.Float32, new[] { 3, 4 }, values ?? new float[] { 6, 9, 8, 5, 7 }, table);
    }

    [Fact]
    public void ExplicitMetadataIsAccepted() => Assert.Equal(TfliteDense, Run<float>(KernelImplementations.Reference, Explicit(), out _));

    [Fact]
    public void IndexOutsideTheDimensionIsRejected() =>
        Assert.Contains("dim_metadata[1] index 4 is 4, outside the dimension (size 4)", Reject(Explicit(indices: new[] { 0, 2, 3, 0, 4 })));

    [Fact]
    public void NegativeInt32IndexIsRejected() =>
        Assert.Contains("index 0 is -1, outside the dimension", Reject(Explicit(indices: new[] { -1, 2, 3, 0, 3 })));

    [Fact]
    public void DecreasingSegmentsAreRejected() =>
        Assert.Contains("segments decrease at 2 (3 then 1)", Reject(Explicit(segments: new[] { 0, 3, 1, 5 })));

    [Fact]
    public void SegmentsNotStartingAtZeroAreRejected() =>
        Assert.Contains("segments start at 1, not 0", Reject(Explicit(segments: new[] { 1, 3, 3, 5 })));

    [Fact]
    public void TooFewSegmentsAreRejected() =>
        Assert.Contains("has 3 segments for 3 positions", Reject(Explicit(segments: new[] { 0, 3, 5 })));

    [Fact]
    public void SegmentsBeyondTheIndicesAreRejected() =>
        Assert.Contains("segments end at 6 but there are 5 indices", Reject(Explicit(segments: new[] { 0, 3, 3, 6 })));

    [Fact]
    public void TooFewStoredValuesAreRejected() =>
        Assert.Contains("the metadata walks 5 values but tensor 0's buffer holds 4", Reject(Explicit(values: new float[] { 6, 9, 8, 5 })));

    [Fact]
    public void DenseSizeMustMatchTheDimension() =>
        Assert.Contains("dim_metadata[0] is dense with dense_size 2, the traversed dimension has 3", Reject(Explicit(denseSize: 2)));

    [Fact]
    public void TraversalOrderMustBeAPermutation()
    {
        Assert.Contains("traversal_order[1] = 0 is not a permutation of the tensor dimensions", Reject(Explicit(order: new[] { 0, 0 })));
        Assert.Contains("traversal_order has 3 entries, expected rank 2 + 0 block dimensions", Reject(Explicit(order: new[] { 0, 1, 2 })));
    }

    [Fact]
    public void DimMetadataCountMustMatch() =>
        Assert.Contains("dim_metadata has 1 entries, expected 2", Reject(Explicit(dimCount: 1)));

    [Fact]
    public void BlockMapAndBlockSizesAreChecked()
    {
        Assert.Contains("block_map[0] = 5 (must be increasing tensor dimensions below 2)", Reject(Explicit(order: new[] { 0, 1, 2 }, blockMap: new[] { 5 }, dimCount: 3)));
        Assert.Contains("block 0 has size 3, which does not divide dimension 1 (4)",
            Reject(Explicit(order: new[] { 0, 1, 2 }, blockMap: new[] { 1 }, dimCount: 3, blockSize: 3)));
        Assert.Contains("block 0 has size 0", Reject(Explicit(order: new[] { 0, 1, 2 }, blockMap: new[] { 1 }, dimCount: 3, blockSize: 0)));
    }

    [Fact]
    public void CompressedDimensionNeedsItsArraysAndAKnownFormat()
    {
        Assert.Contains("is SPARSE_CSR without array_segments and array_indices", Reject(Explicit(withArrays: false)));
        Assert.Contains("dim_metadata[1] has unknown format 7", Reject(Explicit(csrFormat: 7)));
    }

    [Fact]
    public void SparseTensorGivenToAnotherOperatorIsRejected()
    {
        var encoded = SparseTensorEncoder.Encode(TfliteDense, new[] { 3, 4 }, new[] { 0, 1 }, new[] { false, true });
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder graph = builder.AddSubgraph();
        int input = graph.AddTensor(TensorType.Float32, new[] { 1, 4 });
        int weights = graph.AddTensor(TensorType.Float32, new[] { 3, 4 }, TfLiteModelBuilder.Bytes(encoded.Values), sparsity: encoded.ToTable());
        int output = graph.AddTensor(TensorType.Float32, new[] { 1, 3 });
        graph.AddOperator(FullyConnected, new[] { input, weights, -1 }, new[] { output });
        graph.SetInputs(input).SetOutputs(output);
        Assert.Contains("input 1 (tensor 1) is stored sparse; only DENSIFY reads sparse tensors", Reject(builder.Build()));
    }
}
