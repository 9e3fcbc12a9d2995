using System;
using TfLiteMicro.FlexBuffers;
using Xunit;

namespace TfLiteMicro.Core.Tests.FlexBuffers;

public class FlexBufferReaderTests
{
    /// <summary>
    /// Options of TFLM's SignalFilterBankSpectralSubtraction test (signal/micro/kernels/
    /// filter_bank_spectral_subtraction_flexbuffers_generated_data.cc, 32 channels): a real buffer written by the
    /// flexbuffers builder, with 1-byte keys, 2-byte map slots and 'clamping' stored as an INT.
    /// </summary>
    internal static readonly byte[] SpectralSubtractionOptions =
    {
        0x6e, 0x75, 0x6d, 0x5f, 0x63, 0x68, 0x61, 0x6e, 0x6e, 0x65, 0x6c, 0x73,
        0x00, 0x73, 0x6d, 0x6f, 0x6f, 0x74, 0x68, 0x69, 0x6e, 0x67, 0x00, 0x6f,
        0x6e, 0x65, 0x5f, 0x6d, 0x69, 0x6e, 0x75, 0x73, 0x5f, 0x73, 0x6d, 0x6f,
        0x6f, 0x74, 0x68, 0x69, 0x6e, 0x67, 0x00, 0x61, 0x6c, 0x74, 0x65, 0x72,
        0x6e, 0x61, 0x74, 0x65, 0x5f, 0x73, 0x6d, 0x6f, 0x6f, 0x74, 0x68, 0x69,
        0x6e, 0x67, 0x00, 0x61, 0x6c, 0x74, 0x65, 0x72, 0x6e, 0x61, 0x74, 0x65,
        0x5f, 0x6f, 0x6e, 0x65, 0x5f, 0x6d, 0x69, 0x6e, 0x75, 0x73, 0x5f, 0x73,
        0x6d, 0x6f, 0x6f, 0x74, 0x68, 0x69, 0x6e, 0x67, 0x00, 0x73, 0x6d, 0x6f,
        0x6f, 0x74, 0x68, 0x69, 0x6e, 0x67, 0x5f, 0x62, 0x69, 0x74, 0x73, 0x00,
        0x6d, 0x69, 0x6e, 0x5f, 0x73, 0x69, 0x67, 0x6e, 0x61, 0x6c, 0x5f, 0x72,
        0x65, 0x6d, 0x61, 0x69, 0x6e, 0x69, 0x6e, 0x67, 0x00, 0x63, 0x6c, 0x61,
        0x6d, 0x70, 0x69, 0x6e, 0x67, 0x00, 0x73, 0x70, 0x65, 0x63, 0x74, 0x72,
        0x61, 0x6c, 0x5f, 0x73, 0x75, 0x62, 0x74, 0x72, 0x61, 0x63, 0x74, 0x69,
        0x6f, 0x6e, 0x5f, 0x62, 0x69, 0x74, 0x73, 0x00, 0x09, 0x66, 0x7b, 0x26,
        0x3c, 0xa9, 0x93, 0x9e, 0x4f, 0x23, 0x09, 0x00, 0x01, 0x00, 0x09, 0x00,
        0x71, 0x3d, 0x8f, 0x02, 0x00, 0x00, 0x33, 0x03, 0x20, 0x00, 0x71, 0x3d,
        0x8f, 0x02, 0x00, 0x00, 0x0e, 0x00, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05,
        0x05, 0x05, 0x05, 0x1b, 0x25, 0x01,
    };

    [Fact]
    public void ReadsARealBufferWrittenByTheFlexBuffersBuilder()
    {
        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(SpectralSubtractionOptions, errors, out FlexMap map));
        Assert.Equal(9, map.Count);
        AssertInt(map, errors, "alternate_one_minus_smoothing", 15729);
        AssertInt(map, errors, "alternate_smoothing", 655);
        AssertInt(map, errors, "min_signal_remaining", 819);
        AssertInt(map, errors, "num_channels", 32);
        AssertInt(map, errors, "one_minus_smoothing", 15729);
        AssertInt(map, errors, "smoothing", 655);
        AssertInt(map, errors, "smoothing_bits", 0);
        AssertInt(map, errors, "spectral_subtraction_bits", 14);
        Assert.Equal(Status.Ok, map.GetBool("clamping"u8, errors, out bool clamping));
        Assert.False(clamping);
        // Keys come back in the stored (sorted) order.
        Assert.True(map.TryGetKey(0, out ReadOnlySpan<byte> first));
        Assert.Equal("alternate_one_minus_smoothing", System.Text.Encoding.ASCII.GetString(first));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void ReadsIntegersAtEveryWidth(int width)
    {
        long max = width == 8 ? long.MaxValue : (1L << (8 * width - 1)) - 1;
        long min = -max - 1;
        byte[] bytes = new TestFlexBufferWriter().Int("max", max).Int("min", min).Int("zero", 0).UInt("u", (ulong)max)
            .Bool("yes", true).Bool("no", false).Build(width);
        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        Assert.Equal(Status.Ok, map.GetInt64("max"u8, errors, out long readMax));
        Assert.Equal(max, readMax);
        Assert.Equal(Status.Ok, map.GetInt64("min"u8, errors, out long readMin));
        Assert.Equal(min, readMin);
        Assert.Equal(Status.Ok, map.GetUInt64("u"u8, errors, out ulong readU));
        Assert.Equal((ulong)max, readU);
        Assert.Equal(Status.Ok, map.GetBool("yes"u8, errors, out bool yes));
        Assert.True(yes);
        Assert.Equal(Status.Ok, map.GetBool("no"u8, errors, out bool no));
        Assert.False(no);
        AssertInt(map, errors, "zero", 0);
    }

    [Fact]
    public void Int32ReadOfA64BitValueOutOfRangeFails()
    {
        byte[] bytes = new TestFlexBufferWriter().Int("big", 1L << 40).Build(8);
        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        Assert.Equal(Status.MalformedModel, map.GetInt32("big"u8, errors, out _));
        Assert.Contains("big", errors.MessageText);
        Assert.Equal(Status.Ok, map.GetInt64("big"u8, errors, out long big));
        Assert.Equal(1L << 40, big);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-1234.5678)]
    [InlineData(1e-40)]
    [InlineData(3.0e39)]
    [InlineData(0.0)]
    public void ReadsFloatsAndDoublesAsFloat(double value)
    {
        var errors = new ErrorReporter();
        byte[] wide = new TestFlexBufferWriter().Float("f", value).Build(8);
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(wide, errors, out FlexMap map8));
        Assert.Equal(Status.Ok, map8.GetFloat("f"u8, errors, out float fromDouble));
        Assert.Equal((float)value, fromDouble);

        byte[] narrow = new TestFlexBufferWriter().Float("f", value).Build(4);
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(narrow, errors, out FlexMap map4));
        Assert.Equal(Status.Ok, map4.GetFloat("f"u8, errors, out float fromSingle));
        Assert.Equal((float)value, fromSingle);
    }

    [Fact]
    public void FloatReadAsIntegerTruncatesTowardZero()
    {
        var errors = new ErrorReporter();
        byte[] bytes = new TestFlexBufferWriter().Float("a", -2.75).Float("b", 7.9).Build(8);
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        AssertInt(map, errors, "a", -2);
        AssertInt(map, errors, "b", 7);
    }

    [Fact]
    public void IntegersReadAsFloat()
    {
        var errors = new ErrorReporter();
        byte[] bytes = new TestFlexBufferWriter().Int("i", -5).UInt("u", ulong.MaxValue).Build(8);
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        Assert.Equal(Status.Ok, map.GetFloat("i"u8, errors, out float i));
        Assert.Equal(-5f, i);
        Assert.Equal(Status.Ok, map.GetFloat("u"u8, errors, out float u));
        Assert.Equal((float)ulong.MaxValue, u);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void ReadsTypedAndUntypedVectors(int width)
    {
        long[] ints = width == 1 ? new long[] { -128, 0, 5, 127 } : new long[] { -300, 0, 5, 32767 };
        var writer = new TestFlexBufferWriter().IntVector("ints", ints).MixedVector("mixed", 3, -4, 5).IntVector("empty");
        if (width >= 4) writer.FloatVector("floats", 0.5, -1.25, 3.0e-3);
        byte[] bytes = writer.Build(width);

        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        Assert.Equal(Status.Ok, map.GetVector("ints"u8, errors, out FlexVector vector));
        Assert.Equal(FlexBufferType.VectorInt, vector.VectorType);
        Assert.Equal(ints.Length, vector.Count);
        for (int i = 0; i < ints.Length; i++)
        {
            Assert.Equal(Status.Ok, vector.GetInt64(i, errors, out long value));
            Assert.Equal(ints[i], value);
        }
        Assert.Equal(Status.MalformedModel, vector.GetInt64(ints.Length, errors, out _));

        Assert.Equal(Status.Ok, map.GetVector("mixed"u8, errors, out FlexVector mixed));
        Assert.True(mixed.IsUntyped);
        Assert.Equal(3, mixed.Count);
        Assert.Equal(Status.Ok, mixed.GetInt32(1, errors, out int second));
        Assert.Equal(-4, second);

        Assert.Equal(Status.Ok, map.GetVector("empty"u8, errors, out FlexVector empty));
        Assert.Equal(0, empty.Count);

        if (width >= 4)
        {
            Assert.Equal(Status.Ok, map.GetVector("floats"u8, errors, out FlexVector floats));
            Assert.Equal(Status.Ok, floats.GetFloat(2, errors, out float third));
            Assert.Equal((float)3.0e-3, third);
        }
    }

    [Fact]
    public void MissingKeyAndWrongTypeGiveMessages()
    {
        byte[] bytes = new TestFlexBufferWriter().Int("shift", 3).String("name", "hann").Build(1);
        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRootMap(bytes, errors, out FlexMap map));
        Assert.Equal(Status.MalformedModel, map.GetInt32("fft_length"u8, errors, out _));
        Assert.Contains("'fft_length' not found", errors.MessageText);
        Assert.Equal(Status.MalformedModel, map.GetInt32("name"u8, errors, out _));
        Assert.Contains("STRING", errors.MessageText);
        Assert.True(map.TryFind("name"u8, out FlexReference name));
        Assert.True(name.TryGetString(out ReadOnlySpan<byte> text));
        Assert.Equal("hann", System.Text.Encoding.ASCII.GetString(text));
        Assert.Equal(Status.MalformedModel, map.GetVector("shift"u8, errors, out _));
    }

    [Fact]
    public void RootThatIsNotAMapIsReported()
    {
        // An inline INT root: value 7, packed type INT/8-bit, width 1.
        byte[] bytes = { 7, TestFlexBufferWriter.Packed(FlexBufferType.Int, 1), 1 };
        var errors = new ErrorReporter();
        Assert.Equal(Status.Ok, FlexBuffer.GetRoot(bytes, errors, out FlexReference root));
        Assert.True(root.TryGetInt64(out long seven));
        Assert.Equal(7, seven);
        Assert.Equal(Status.MalformedModel, FlexBuffer.GetRootMap(bytes, errors, out _));
        Assert.Contains("map", errors.MessageText);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 0x25, 1 })]
    [InlineData(new byte[] { 0, 0x24, 3 })]   // width 3 is not a width
    [InlineData(new byte[] { 0, 0x24, 8 })]   // root would start before the buffer
    [InlineData(new byte[] { 9, 0x24, 1 })]   // map offset points before the buffer
    [InlineData(new byte[] { 0, 0x24, 1 })]   // map at the root slot: its length prefix is outside
    public void MalformedRootsFailWithAStatus(byte[] bytes)
    {
        var errors = new ErrorReporter();
        Assert.Equal(Status.MalformedModel, FlexBuffer.GetRootMap(bytes, errors, out _));
        Assert.False(errors.Message.IsEmpty);
    }

    [Fact]
    public void KeyCountDifferentFromValueCountIsRejected()
    {
        byte[] bytes = new TestFlexBufferWriter().Int("a", 1).Int("b", 2).Build(1);
        // The keys vector's length byte directly precedes its first offset; find it through the map header.
        int rootSlot = bytes.Length - 3;
        int mapStart = rootSlot - bytes[rootSlot];
        int keysStart = mapStart - 3 - bytes[mapStart - 3];
        bytes[keysStart - 1] = 1;
        Assert.Equal(Status.MalformedModel, FlexBuffer.GetRootMap(bytes, new ErrorReporter(), out _));
    }

    [Fact]
    public void EveryTruncationIsHandled()
    {
        byte[] full = RichBuffer(2);
        for (int length = 0; length < full.Length; length++)
        {
            byte[] prefix = full.AsSpan(0, length).ToArray();
            WalkEverything(prefix);
        }
    }

    [Fact]
    public void RandomMutationsNeverCrash()
    {
        var random = new Random(1234);
        foreach (int width in new[] { 1, 2, 4, 8 })
        {
            byte[] original = RichBuffer(width);
            for (int trial = 0; trial < 3000; trial++)
            {
                byte[] mutated = (byte[])original.Clone();
                int flips = 1 + random.Next(4);
                for (int f = 0; f < flips; f++) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                WalkEverything(mutated);
            }
        }
        // Completely random bytes as well.
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] noise = new byte[random.Next(1, 64)];
            random.NextBytes(noise);
            WalkEverything(noise);
        }
    }

    [Fact]
    public void SpectralSubtractionBufferSurvivesEverySingleByteChange()
    {
        for (int position = 0; position < SpectralSubtractionOptions.Length; position++)
        {
            foreach (byte value in new byte[] { 0x00, 0x01, 0x7F, 0x80, 0xFF })
            {
                byte[] mutated = (byte[])SpectralSubtractionOptions.Clone();
                mutated[position] = value;
                WalkEverything(mutated);
            }
        }
    }

    private static byte[] RichBuffer(int width)
    {
        var writer = new TestFlexBufferWriter().Int("a", -3).UInt("b", 200).Bool("c", true).IntVector("d", 1, 2, 3)
            .MixedVector("e", 4, 5).String("f", "xy");
        if (width >= 4) writer.Float("g", 1.5).FloatVector("h", 0.25, 0.5);
        return writer.Build(width);
    }

    /// <summary>Reads every value of every kind from a possibly malformed buffer; must never throw.</summary>
    private static void WalkEverything(byte[] bytes)
    {
        var errors = new ErrorReporter();
        if (FlexBuffer.GetRoot(bytes, errors, out FlexReference root) != Status.Ok) return;
        WalkValue(root, errors, 0);
    }

    private static void WalkValue(FlexReference value, ErrorReporter errors, int depth)
    {
        value.GetInt64(errors, out _);
        value.GetInt32(errors, out _);
        value.GetUInt64(errors, out _);
        value.GetFloat(errors, out _);
        value.GetBool(errors, out _);
        value.TryGetString(out _);
        if (depth > 3) return;
        if (value.GetMap(errors, out FlexMap map) == Status.Ok)
        {
            for (int i = 0; i < map.Count; i++) map.TryGetKey(i, out _);
            foreach (string keyText in new[] { "a", "b", "c", "d", "e", "f", "g", "h", "num_channels" })
            {
                byte[] key = System.Text.Encoding.UTF8.GetBytes(keyText);
                map.GetInt32(key, errors, out _);
                map.GetFloat(key, errors, out _);
                map.GetBool(key, errors, out _);
                if (map.GetVector(key, errors, out FlexVector inner) == Status.Ok) WalkVector(inner, errors, depth);
            }
        }
        if (value.GetVector(errors, out FlexVector vector) == Status.Ok) WalkVector(vector, errors, depth);
    }

    private static void WalkVector(FlexVector vector, ErrorReporter errors, int depth)
    {
        for (int i = -1; i <= vector.Count && i < 64; i++)
        {
            vector.GetInt64(i, errors, out _);
            vector.GetFloat(i, errors, out _);
            if (vector.TryGet(i, out FlexReference element)) WalkValue(element, errors, depth + 1);
        }
    }

    private static void AssertInt(FlexMap map, ErrorReporter errors, string key, int expected)
    {
        Assert.Equal(Status.Ok, map.GetInt32(System.Text.Encoding.UTF8.GetBytes(key), errors, out int value));
        Assert.Equal(expected, value);
    }
}
