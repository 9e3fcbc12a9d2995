using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Tools.Tests.RealWorld;

/// <summary>
/// The fuzzer's own seeds (<c>tests/fuzz-seeds</c>, read by <c>tflm-fuzz</c> next to ../shared/models and
/// ../shared/ops): the real-world-shaped models of <see cref="RealWorldModelTests"/>, which reach what TFLM's models
/// never do — float16 weights, DENSIFY with sparsity metadata (uint8, uint16 and int32 index vectors, a block map),
/// the legacy uint8 kernels, MediaPipe's Convolution2DTransposeBias and 8-byte values at 4 mod 8 read unaligned.
/// The files are checked in so a campaign is reproducible from the repository alone; this test keeps them equal to
/// the builders (set <c>TFLM_WRITE_FUZZ_SEEDS=1</c> to rewrite them after changing a builder).
/// </summary>
public class FuzzSeedFilesTests
{
    private static IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("mediapipe_style_fp16.tflite", RealWorldModelTests.BuildFloat16Model().Bytes);
        yield return ("sparse_fp16_blocked_fp32.tflite", RealWorldModelTests.BuildSparseModel().Bytes);
        yield return ("sparse_int8_int32_indices.tflite", BuildSparseInt8Model());
        yield return ("mobilenet_style_uint8.tflite", RealWorldModelTests.BuildUInt8Model().Bytes);
        yield return ("mobilenet_style_uint8_zero_points_4mod8.tflite", RealWorldModelTests.BuildUInt8Model(eightByteValueOffset: 4).Bytes);
        yield return ("fully_connected_zero_points_4mod8.tflite", RealWorldModelTests.BuildZeroPointsAtFourModEightModel());
    }

    /// <summary>DENSIFY of int8 weights in CSR form with int32 index vectors, feeding an int8 FULLY_CONNECTED.</summary>
    private static byte[] BuildSparseInt8Model()
    {
        const int FullyConnected = 9, Densify = 124;
        var random = new Random(1248);
        sbyte[] dense = Enumerable.Range(0, 5 * 12).Select(_ => random.Next(3) == 0 ? (sbyte)random.Next(-100, 100) : (sbyte)0).ToArray();
        var sparse = SparseTensorEncoder.Encode(dense, new[] { 5, 12 }, new[] { 0, 1 }, new[] { false, true });
        var builder = new TfLiteModelBuilder();
        SubgraphBuilder g = builder.AddSubgraph("sparse_int8");
        int input = g.AddTensor(TensorType.Int8, new[] { 1, 12 }, scales: new[] { 0.05f }, zeroPoints: new long[] { 2 });
        int wSparse = g.AddTensor(TensorType.Int8, new[] { 5, 12 }, TfLiteModelBuilder.Bytes(sparse.Values), new[] { 0.01f }, new long[] { 0 },
            sparsity: sparse.ToTable(SparseIndexVector.Int32Vector));
        int w = g.AddTensor(TensorType.Int8, new[] { 5, 12 }, scales: new[] { 0.01f }, zeroPoints: new long[] { 0 });
        int b = g.AddTensor(TensorType.Int32, new[] { 5 }, TfLiteModelBuilder.Bytes(new[] { 10, -20, 30, 0, 5 }), new[] { 0.0005f }, new long[] { 0 });
        int output = g.AddTensor(TensorType.Int8, new[] { 1, 5 }, scales: new[] { 0.02f }, zeroPoints: new long[] { -1 });
        g.AddOperator(Densify, new[] { wSparse }, new[] { w });
        g.AddOperator(FullyConnected, new[] { input, w, b }, new[] { output });
        g.SetInputs(input).SetOutputs(output);
        return builder.Build();
    }

    private static string SeedDirectory()
    {
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return Path.Combine(directory!.FullName, "tests", "fuzz-seeds");
    }

    [Fact]
    public void SeedFilesAreWhatTheBuildersMake()
    {
        string folder = SeedDirectory();
        bool write = Environment.GetEnvironmentVariable("TFLM_WRITE_FUZZ_SEEDS") == "1";
        if (write) Directory.CreateDirectory(folder);
        foreach ((string name, byte[] bytes) in Seeds())
        {
            string path = Path.Combine(folder, name);
            if (write) File.WriteAllBytes(path, bytes);
            Assert.True(File.Exists(path), path + " is missing (TFLM_WRITE_FUZZ_SEEDS=1 writes it)");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), path + " differs from its builder (TFLM_WRITE_FUZZ_SEEDS=1 rewrites it)");
        }
        string[] expected = Seeds().Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string[] present = Directory.GetFiles(folder, "*.tflite").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(expected, present);
    }

    [Fact]
    public void SparseInt8SeedRunsWithBothKernelSets()
    {
        byte[] model = BuildSparseInt8Model();
        foreach (string implementation in new[] { "reference", "x86-simd" })
        {
            using var session = new RealWorldModelTests.Session(model, implementation);
            session.Invoke();
        }
    }
}
