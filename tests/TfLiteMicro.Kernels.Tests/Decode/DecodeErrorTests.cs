using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>
/// Everything DECODE must refuse with a status and a message naming the output (never an exception): what TFLM
/// rejects (versions, decode types, inputs per output, custom type without a decoder, non-constant inputs, int8-only
/// 16-bit Huffman tables, quantization axes) and the bounds TFLM's decode_lut_bounds_test.cc adds (undersized
/// encoded tensor, stride beyond the ancillary tensor), plus index/table/bit-string bounds and random corruption.
/// </summary>
public class DecodeErrorTests
{
    private static readonly byte[] LutTable = { 1, 2, 3, 4 };

    private static DecodePair LutPair(byte[]? ancillary = null, byte[]? encoded = null, TestTensor? output = null) =>
        new DecodePair(encoded ?? new byte[] { 0x1B, 0xE4 }, ancillary ?? Ancillary(DecodeType.Lut, 2, 4, LutTable),
            output ?? new TestTensor(TensorType.Int8, new[] { 1, 2, 4 }));

    private static void AssertRejected(string implementation, DecodePair[] pairs, string expectedOutput, params string[] fragments)
    {
        using KernelRunner runner = Runner(implementation, pairs);
        Status status = runner.InitAndPrepare();
        string message = runner.Errors.MessageText;
        Assert.True(status != Status.Ok, "accepted; expected an error containing " + string.Join(", ", fragments));
        Assert.Contains(expectedOutput, message);
        foreach (string fragment in fragments) Assert.Contains(fragment, message);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsMetadataShorterThan16Bytes(string implementation) =>
        AssertRejected(implementation, new[] { LutPair(new byte[] { 0, 1, 0, 0, 1, 2, 4 }) }, "output 0", "16-byte");

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongDcmVersionOnTheSecondOutput(string implementation) =>
        AssertRejected(implementation, new[] { LutPair(), LutPair(Ancillary(DecodeType.Lut, 2, 4, LutTable, version: 2)) },
            "output 1", "version 2");

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongDecoderVersions(string implementation)
    {
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Lut, 2, 4, LutTable, decoderVersion: 0)) }, "output 0", "LUT version 0");
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Prune, 0, 0, LutTable, decoderVersion: 3)) }, "output 0", "Prune version 3");
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Huffman, 0x21, 0, new byte[32], decoderVersion: 2)) }, "output 0", "Huffman version 2");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsUnknownAndCustomDecodeTypes(string implementation)
    {
        AssertRejected(implementation, new[] { LutPair(Ancillary((DecodeType)5, 2, 4, LutTable)) }, "output 0", "unsupported decode type 5");
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Custom, 2, 4, LutTable)) }, "output 0", "custom decode type 127");
        AssertRejected(implementation, new[] { LutPair(Ancillary((DecodeType)200, 2, 4, LutTable)) }, "output 0", "custom decode type 200");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInputCountNotTwicePerOutput(string implementation)
    {
        DecodePair pair = LutPair();
        var tensors = new[]
        {
            new TestTensor(TensorType.UInt8, new[] { 2 }, pair.Encoded, isConstant: true),
            new TestTensor(TensorType.UInt8, new[] { pair.Ancillary.Length }, pair.Ancillary, isConstant: true),
            pair.Output,
        };
        using var runner = new KernelRunner(Kernel(implementation), tensors, new[] { 0 }, new[] { 2 });
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("two inputs", runner.Errors.MessageText);
        using var none = new KernelRunner(Kernel(implementation), tensors, Array.Empty<int>(), Array.Empty<int>());
        Assert.NotEqual(Status.Ok, none.InitAndPrepare());
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsVariableEncodedTensor(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { LutPair() }, constantInputs: false);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("output 0: encoded tensor 0 must be constant", runner.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsLutBitWidthZero(string implementation) =>
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Lut, 0x08, 4, LutTable)) }, "output 0", "bit width 0");

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsUndersizedEncodedTensor(string implementation) =>
        // decode_lut_bounds_test.cc UndersizedInputRejected: 64 two-bit indices need 16 bytes, 2 are given.
        AssertRejected(implementation, new[] { LutPair(output: new TestTensor(TensorType.Int8, new[] { 1, 64 })) }, "output 0", "need 16");

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsStrideBeyondTheAncillaryTensor(string implementation)
    {
        // decode_lut_bounds_test.cc OversizeStrideRejected: 8 channels of stride 255 over an 8-byte table.
        var pair = new DecodePair(new byte[] { 0x7F, 0x5A, 0x7F, 0x5A, 0x7F, 0x5A, 0x7F },
            Ancillary(DecodeType.Lut, 7, 255, new byte[] { 10, 20, 30, 40, 50, 60, 70, 80 }),
            Output(TensorType.Int8, new[] { 1, 8 }, 8, 0));
        AssertRejected(implementation, new[] { pair }, "output 0", "stride 255");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsLutIndexBeyondTheValueTable(string implementation) =>
        // Index 3 (bits 11) with a 3-entry table.
        AssertRejected(implementation, new[] { LutPair(Ancillary(DecodeType.Lut, 2, 3, new byte[] { 1, 2, 3 })) }, "output 0", "LUT index 3 of element 3");

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsUnsupportedOutputTypeAndAxis(string implementation)
    {
        AssertRejected(implementation, new[] { LutPair(output: new TestTensor(TensorType.UInt8, new[] { 8 })) }, "output 0", "UINT8");
        // Quantized along axis 1 of a rank-3 tensor: neither axis 0 nor the last axis.
        AssertRejected(implementation, new[] { LutPair(output: Output(TensorType.Int8, new[] { 1, 2, 4 }, 2, 1)) }, "output 0", "quantization axis 1");
        // One scale on the last axis of rank 3 is not axis 0 either (TFLM's rule).
        AssertRejected(implementation, new[] { LutPair(output: Output(TensorType.Int8, new[] { 1, 2, 4 }, 1, 2)) }, "output 0", "quantization axis 2");
        // 8 elements over 3 channels.
        AssertRejected(implementation, new[] { LutPair(output: Output(TensorType.Int8, new[] { 8 }, 3, 0)) }, "output 0", "multiple of its 3 channels");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsPruneValueTableShorterThanTheMask(string implementation)
    {
        var pair = new DecodePair(DecodePruneTests.Mask, Ancillary(DecodeType.Prune, 0, 0, new byte[39]), new TestTensor(TensorType.Int8, new[] { 80 }));
        AssertRejected(implementation, new[] { pair }, "output 0", "needing 40");
        var shortMask = new DecodePair(new byte[] { 0xFF }, Ancillary(DecodeType.Prune, 0, 0, new byte[16]), new TestTensor(TensorType.Int8, new[] { 16 }));
        AssertRejected(implementation, new[] { shortMask }, "output 0", "needs 2");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsHuffmanLookupsBeyondTheTables(string implementation)
    {
        // The first-level table claims 8 entries but the tensor holds 7 of TFLM's table: 'n' (111) looks up entry 7.
        byte[] tables = TfLiteModelBuilder.Bytes(DecodeHuffmanTests.Table16[..7]);
        var pair = new DecodePair(DecodeHuffmanTests.Encoded, Ancillary(DecodeType.Huffman, DecodeHuffmanTests.Parameters(false), 0, tables),
            new TestTensor(TensorType.Int8, new[] { 64 }));
        AssertRejected(implementation, new[] { pair }, "output 0", "Huffman symbol 0", "beyond the tables");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsHuffmanBitstringTooShort(string implementation)
    {
        // TFLM's 64 symbols fit in 32 bytes; asking for 100 runs past the end.
        var pair = new DecodePair(DecodeHuffmanTests.Encoded,
            Ancillary(DecodeType.Huffman, DecodeHuffmanTests.Parameters(true), 0, TfLiteModelBuilder.Bytes(DecodeHuffmanTests.Table32)),
            new TestTensor(TensorType.Int8, new[] { 100 }));
        AssertRejected(implementation, new[] { pair }, "output 0", "ends inside Huffman symbol");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsHuffmanTableThatLoopsOnItself(string implementation)
    {
        // Entry 0 points to itself with a 1-bit sub-index (offset 0): zero bits would walk it forever.
        ushort[] table = { 0x0000, 0x0000 };
        var pair = new DecodePair(new byte[4], Ancillary(DecodeType.Huffman, DecodeHuffmanTests.Parameters(false, 1), 0, TfLiteModelBuilder.Bytes(table)),
            new TestTensor(TensorType.Int8, new[] { 1 }));
        AssertRejected(implementation, new[] { pair }, "output 0", "ends inside Huffman symbol 0");
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void CorruptedAncillaryOrEncodedDataNeverThrows(string implementation)
    {
        // Random byte flips of valid LUT, Prune and Huffman inputs (and truncations): Prepare either accepts and
        // Invoke then succeeds, or Prepare reports an error. Nothing may throw.
        DecodePair[] seeds =
        {
            LutPair(Ancillary(DecodeType.Lut, 2, 4, LutTable)),
            new DecodePair(DecodePruneTests.Mask, Ancillary(DecodeType.Prune, 0, 0, new byte[40]), Output(TensorType.Int8, new[] { 2, 40 }, 2, 0, new long[] { -3, 4 })),
            DecodeHuffmanTests.TflmPair(false, TensorType.Int8),
            DecodeHuffmanTests.TflmPair(true, TensorType.Int16),
        };
        var random = new Random(99);
        int accepted = 0, rejected = 0;
        for (int round = 0; round < 400; round++)
        {
            DecodePair seed = seeds[round % seeds.Length];
            byte[] ancillary = (byte[])seed.Ancillary.Clone();
            byte[] encoded = (byte[])seed.Encoded.Clone();
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++)
            {
                if (random.Next(2) == 0) ancillary[random.Next(Math.Min(ancillary.Length, 24))] = (byte)random.Next(256);
                else encoded[random.Next(encoded.Length)] = (byte)random.Next(256);
            }
            if (random.Next(4) == 0) ancillary = ancillary[..random.Next(1, ancillary.Length)];
            if (random.Next(4) == 0) encoded = encoded[..random.Next(1, encoded.Length)];
            using KernelRunner runner = Runner(implementation, new[] { new DecodePair(encoded, ancillary, seed.Output) });
            if (runner.InitAndPrepare() == Status.Ok)
            {
                Assert.Equal(Status.Ok, runner.Invoke());
                accepted++;
            }
            else
            {
                Assert.Contains("output 0", runner.Errors.MessageText);
                rejected++;
            }
        }
        Assert.True(accepted > 0 && rejected > 0, "accepted " + accepted + ", rejected " + rejected);
    }
}
