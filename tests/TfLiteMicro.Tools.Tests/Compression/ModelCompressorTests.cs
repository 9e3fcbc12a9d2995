using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Tools.Compression;
using TfLiteMicro.Npy;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Tools.Tests.Compression;

/// <summary>
/// <c>tflm compress</c> on real models: the compressed model computes exactly what the uncompressed (clustered)
/// one computes, with the reference kernels and the x86-simd port, and is smaller — the flash saved is printed.
/// </summary>
public class ModelCompressorTests
{
    private readonly ITestOutputHelper log;

    public ModelCompressorTests(ITestOutputHelper log)
    {
        this.log = log;
    }

    [Theory]
    [InlineData("hello_world_int8", 2)]
    [InlineData("mlperf_kws_int8", 6)]
    [InlineData("mlperf_ic_int8", 7)]
    [InlineData("mlperf_ad_int8", 10)]
    [InlineData("person_detect", 10)]
    [InlineData("mlperf_ic_float", 16)]
    [InlineData("micro_speech_quantized", 2)]
    public void ClusteredAndCompressedComputesExactlyWhatTheClusteredModelComputes(string model, int expectedCompressed)
    {
        byte[] original = File.ReadAllBytes(TestData.ModelFile(model));
        CompressionResult result = ModelCompressor.Compress(original, new CompressionOptions { Cluster = 16 });
        int compressed = 0;
        foreach (CompressedTensorReport tensor in result.Tensors)
        {
            if (!tensor.Compressed) continue;
            compressed++;
            Assert.InRange(tensor.BitWidth, 1, 4);
            Assert.True(tensor.CompressedBytes < tensor.OriginalBytes);
        }
        Assert.Equal(expectedCompressed, compressed);
        log.WriteLine(model + ": " + result.OriginalFileBytes + " -> " + result.CompressedFileBytes + " bytes, saved " + result.SavedBytes);

        IReadOnlyList<NpyArray> inputs = CompressionTestSupport.CaseInputs(model);
        foreach (string kernels in new[] { "reference", "x86-simd" })
        {
            var (expected, plainCount) = CompressionTestSupport.Run(result.UncompressedModel, inputs, kernels);
            var (actual, compressedCount) = CompressionTestSupport.Run(result.CompressedModel, inputs, kernels);
            Assert.Equal(0, plainCount);
            Assert.Equal(expectedCompressed, compressedCount);
            CompressionTestSupport.AssertSameOutputs(expected, actual, model + " (" + kernels + ")");
        }
    }

    [Fact]
    public void WeightsWithFewValuesCompressLosslesslyAndSaveFlash()
    {
        // First cluster (changes the numbers), then compress that model without --cluster: lossless, and the
        // outputs equal the clustered model's.
        byte[] original = File.ReadAllBytes(TestData.ModelFile("mlperf_vww_int8"));
        byte[] clustered = ModelCompressor.Compress(original, new CompressionOptions { Cluster = 8 }).UncompressedModel;
        CompressionResult lossless = ModelCompressor.Compress(clustered, new CompressionOptions());
        Assert.True(lossless.SavedBytes > lossless.OriginalFileBytes / 5, "saved only " + lossless.SavedBytes + " bytes");
        Assert.All(lossless.Tensors, t => Assert.False(t.Clustered));
        // Nothing was clustered this time: the "uncompressed" output is the input model itself.
        Assert.Equal(clustered, lossless.UncompressedModel);

        IReadOnlyList<NpyArray> inputs = CompressionTestSupport.CaseInputs("mlperf_vww_int8");
        var (expected, _) = CompressionTestSupport.Run(clustered, inputs);
        var (actual, count) = CompressionTestSupport.Run(lossless.CompressedModel, inputs);
        Assert.True(count > 0);
        CompressionTestSupport.AssertSameOutputs(expected, actual, "mlperf_vww_int8 lossless");
    }

    [Fact]
    public void TrainedInt8WeightsAreKeptWithoutClusteringAndSaySo()
    {
        CompressionResult result = ModelCompressor.Compress(File.ReadAllBytes(TestData.ModelFile("mlperf_ic_int8")), new CompressionOptions());
        Assert.Contains(result.Tensors, t => !t.Compressed && t.SkippedReason!.Contains("more than 128 (use --cluster N)"));
    }

    [Fact]
    public void OnlyTensorsReadByDecompressingInputsAreTouched()
    {
        // hello_world: the FULLY_CONNECTED weights and biases are candidates; asking for an activation tensor says why not.
        CompressionResult result = ModelCompressor.Compress(File.ReadAllBytes(TestData.ModelFile("hello_world_int8")),
            new CompressionOptions { Cluster = 4, Tensors = new HashSet<(int, int)> { (0, 4), (0, 0) } });
        Assert.Single(result.Tensors, t => t.Compressed && t.Tensor == 4);
        Assert.DoesNotContain(result.Tensors, t => t.Tensor == 0 && t.Compressed);
    }

    [Fact]
    public void AnAlreadyCompressedModelIsRefused()
    {
        CompressionResult once = ModelCompressor.Compress(File.ReadAllBytes(TestData.ModelFile("person_detect")), new CompressionOptions { Cluster = 16 });
        ToolException error = Assert.Throws<ToolException>(() => ModelCompressor.Compress(once.CompressedModel, new CompressionOptions()));
        Assert.Contains("already compressed", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void PackedIndicesDecodeWithTheRuntimesDecoder(int bitWidth)
    {
        var random = new Random(bitWidth);
        int[] indices = new int[101];
        for (int i = 0; i < indices.Length; i++) indices[i] = random.Next(1 << bitWidth);
        byte[] packed = LutPacking.Pack(indices, bitWidth);
        Assert.Equal((indices.Length * bitWidth + 7) / 8, packed.Length);
        for (int i = 0; i < indices.Length; i++) Assert.Equal(indices[i], TfLiteMicro.Compression.LutDecompression.IndexAt(packed, i, bitWidth));
    }
}
