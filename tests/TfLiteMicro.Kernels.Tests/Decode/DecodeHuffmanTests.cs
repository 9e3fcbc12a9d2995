using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>
/// DECODE with Huffman metadata: TFLM's decode_state_huffman_test.cc vectors (an 8-entry first-level table, 16- and
/// 32-bit entries, int8 and int16 outputs) plus codes built here from a codeword map and decoded back.
/// </summary>
public class DecodeHuffmanTests
{
    // TFLM's test data: 64 symbols over the codeword map in decode_state_huffman_test.cc.
    internal static readonly byte[] Encoded =
    {
        0xF0, 0x0D, 0x79, 0xFC, 0x9C, 0x1A, 0x6E, 0x4C, 0x32, 0xAF, 0x29,
        0xB3, 0x5D, 0xF6, 0x36, 0x02, 0x50, 0x15, 0x8C, 0xA7, 0x95, 0xDB,
        0x29, 0x68, 0x3F, 0xBA, 0xB7, 0xED, 0xB1, 0x19, 0xE2, 0xE0,
    };

    internal const string Expected = "nmmacnanefdacopjomeckifookhbdbdmjjdmjgojfecpbiibmanbbjbnlgjafejp";

    internal static readonly ushort[] Table16 =
    {
        0x986D, 0x9861, 0x986A, 0x0005, 0x0806, 0x0809, 0x000E, 0x000F,
        0x886F, 0x8868, 0x8864, 0x8864, 0x9069, 0x9066, 0x8863, 0x8863,
        0x0002, 0x906B, 0x8867, 0x886C, 0x8865, 0x8862, 0x8870, 0x886E,
    };

    internal static readonly uint[] Table32 =
    {
        0x9800006D, 0x98000061, 0x9800006A, 0x00000005, 0x08000006, 0x08000009, 0x0000000E, 0x0000000F,
        0x8800006F, 0x88000068, 0x88000064, 0x88000064, 0x90000069, 0x90000066, 0x88000063, 0x88000063,
        0x00000002, 0x9000006B, 0x88000067, 0x8800006C, 0x88000065, 0x88000062, 0x88000070, 0x8800006E,
    };

    /// <summary>Initial table of 8 entries: log2(8) - 1 = 2 in bits 7..4; bit 0 selects 32-bit entries.</summary>
    internal static byte Parameters(bool wide, int initialLog2 = 3) => (byte)(((initialLog2 - 1) << 4) | (wide ? 1 : 0));

    internal static DecodePair TflmPair(bool wide, TensorType outputType) =>
        new DecodePair(Encoded, Ancillary(DecodeType.Huffman, Parameters(wide), 0,
            wide ? TfLiteModelBuilder.Bytes(Table32) : TfLiteModelBuilder.Bytes(Table16)), new TestTensor(outputType, new[] { 1, 64 }));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Decodes16BitTableToInt8(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { TflmPair(false, TensorType.Int8) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Symbols<sbyte>(Expected, c => (sbyte)c), runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Decodes32BitTableToInt8AndInt16(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { TflmPair(true, TensorType.Int8), TflmPair(true, TensorType.Int16) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Symbols<sbyte>(Expected, c => (sbyte)c), runner.Get<sbyte>(4));
        Assert.Equal(Symbols<short>(Expected, c => (short)c), runner.Get<short>(5));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Rejects16BitTableForInt16(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { TflmPair(false, TensorType.Int16) });
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("output 0", runner.Errors.MessageText);
        Assert.Contains("INT16", runner.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesLargeInt16SymbolsThroughOneLevelTable(string implementation)
    {
        // Own code: 4 symbols, codewords 0, 10, 110, 111 over a 3-bit first-level table of 32-bit entries;
        // short codewords put back the bits they did not use.
        short[] symbols = { -30000, 1234, -1, 32767 };
        string[] codes = { "0", "10", "110", "111" };
        uint[] table = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            int s = i < 4 ? 0 : i < 6 ? 1 : i == 6 ? 2 : 3;
            table[i] = 0x8000_0000u | ((uint)codes[s].Length << 27) | (ushort)symbols[s];
        }
        var random = new Random(7);
        var message = new List<int>();
        var bits = new System.Text.StringBuilder();
        for (int i = 0; i < 301; i++)
        {
            int s = random.Next(4);
            message.Add(s);
            bits.Append(codes[s]);
        }
        var pair = new DecodePair(BitsToBytes(bits.ToString()), Ancillary(DecodeType.Huffman, Parameters(true), 0, TfLiteModelBuilder.Bytes(table)),
            new TestTensor(TensorType.Int16, new[] { message.Count }));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] expected = new short[message.Count];
        for (int i = 0; i < expected.Length; i++) expected[i] = symbols[message[i]];
        Assert.Equal(expected, runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesAnEmptyOutputWithoutReadingTheBitstring(string implementation)
    {
        var pair = new DecodePair(new byte[] { 0 }, Ancillary(DecodeType.Huffman, Parameters(false), 0, Array.Empty<byte>()),
            new TestTensor(TensorType.Int8, new[] { 0 }));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
    }

    internal static T[] Symbols<T>(string text, Func<char, T> convert)
    {
        T[] values = new T[text.Length];
        for (int i = 0; i < text.Length; i++) values[i] = convert(text[i]);
        return values;
    }

    internal static byte[] BitsToBytes(string bits)
    {
        byte[] bytes = new byte[(bits.Length + 31) / 32 * 4]; // whole 32-bit words, as TFLM's encoder writes
        for (int i = 0; i < bits.Length; i++)
        {
            if (bits[i] == '1') bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        }
        return bytes;
    }
}
