using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>One DECODE node with three pairs of different decoders, invoked twice (state is per output).</summary>
public class DecodeMixedTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesLutPruneAndHuffmanOutputsInOneNode(string implementation)
    {
        var lut = new DecodePair(new byte[] { 0x1B, 0xE4 }, Ancillary(DecodeType.Lut, 2, 4, TfLiteModelBuilder.Bytes(1.5f, -2f, 0f, 1e9f)),
            new TestTensor(TensorType.Float32, new[] { 2, 4 }));
        var prune = new DecodePair(new byte[] { 0b1010_0000 }, Ancillary(DecodeType.Prune, 0, 0, TfLiteModelBuilder.Bytes(7L, -9L)),
            new TestTensor(TensorType.Int64, new[] { 4 }));
        DecodePair huffman = DecodeHuffmanTests.TflmPair(false, TensorType.Int8);
        using KernelRunner runner = Runner(implementation, new[] { lut, prune, huffman });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        for (int call = 0; call < 2; call++)
        {
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 1.5f, -2f, 0f, 1e9f, 1e9f, 0f, -2f, 1.5f }, runner.Get<float>(6));
            Assert.Equal(new[] { 7L, 0L, -9L, 0L }, runner.Get<long>(7));
            Assert.Equal(DecodeHuffmanTests.Symbols<sbyte>(DecodeHuffmanTests.Expected, c => (sbyte)c), runner.Get<sbyte>(8));
        }
    }
}
