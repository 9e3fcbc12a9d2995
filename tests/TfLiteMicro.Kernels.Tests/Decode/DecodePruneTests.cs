using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>
/// DECODE with Prune metadata: TFLM's decode_state_prune_test.cc vectors (mask 0xA5 0x5A 0xA5..., per-tensor and
/// per-channel zero points, the alternate axis) and own cases for the remaining types, checked against a model that
/// walks the mask.
/// </summary>
public class DecodePruneTests
{
    internal static readonly byte[] Mask = { 0xA5, 0x5A, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5 };

    private static DecodePair Pair(byte[] values, TestTensor output) => new DecodePair(Mask, Ancillary(DecodeType.Prune, 0, 0, values), output);

    /// <summary>TFLM's kAncillaryDataPrune3 shape: 20 values per channel cycling base..base+3.</summary>
    private static sbyte[] ChannelValues(int first, int second)
    {
        sbyte[] values = new sbyte[40];
        for (int i = 0; i < 20; i++)
        {
            values[i] = (sbyte)(first + i % 4);
            values[20 + i] = (sbyte)(second + i % 4);
        }
        return values;
    }

    /// <summary>Independent model: walk the mask bits MSB first.</summary>
    private static T[] Expand<T>(T[] values, Func<int, T> zeroOf, int count)
    {
        T[] result = new T[count];
        int next = 0;
        for (int e = 0; e < count; e++)
        {
            bool kept = (Mask[e / 8] & (0x80 >> (e % 8))) != 0;
            result[e] = kept ? values[next++] : zeroOf(e);
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmFloatVector(string implementation)
    {
        float[] values = new float[40];
        for (int i = 0; i < 40; i++) values[i] = (i < 20 ? 9f : 19f) + i % 4;
        using KernelRunner runner = Runner(implementation, new[] { Pair(TfLiteModelBuilder.Bytes(values), new TestTensor(TensorType.Float32, new[] { 2, 5, 8, 1 })) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] output = runner.Get<float>(2);
        // TFLM's kExpectPrune2, first two rows (byte 0x A5 then 0x5A) and the first row of the second half.
        Assert.Equal(new[] { 9f, 0f, 10f, 0f, 0f, 11f, 0f, 12f, 0f, 9f, 0f, 10f, 11f, 0f, 12f, 0f }, output[..16]);
        Assert.Equal(new[] { 19f, 0f, 20f, 0f, 0f, 21f, 0f, 22f }, output[40..48]);
        Assert.Equal(Expand(values, _ => 0f, 80), output);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmInt8VectorsWithAndWithoutZeroPoints(string implementation)
    {
        sbyte[] values = ChannelValues(13, 113);
        TestTensor plain = new TestTensor(TensorType.Int8, new[] { 2, 5, 8, 1 });
        TestTensor zeroZeroPoints = Output(TensorType.Int8, new[] { 2, 5, 8, 1 }, 2, 0, new long[] { 0, 0 });
        using KernelRunner runner = Runner(implementation, new[] { Pair(TfLiteModelBuilder.Bytes(values), plain), Pair(TfLiteModelBuilder.Bytes(values), zeroZeroPoints) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] expected = Expand(values, _ => (sbyte)0, 80);
        Assert.Equal(new sbyte[] { 13, 0, 14, 0, 0, 15, 0, 16, 0, 13, 0, 14, 15, 0, 16, 0 }, expected[..16]); // kExpectPrune3
        Assert.Equal(expected, runner.Get<sbyte>(4));
        Assert.Equal(expected, runner.Get<sbyte>(5));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmMixedPerChannelZeroPoints(string implementation)
    {
        sbyte[] values = ChannelValues(1, 11);
        TestTensor output = Output(TensorType.Int8, new[] { 2, 5, 8, 1 }, 2, 0, new long[] { -128, 0 });
        using KernelRunner runner = Runner(implementation, new[] { Pair(TfLiteModelBuilder.Bytes(values), output) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(2);
        Assert.Equal(new sbyte[] { 1, -128, 2, -128, -128, 3, -128, 4, -128, 1, -128, 2, 3, -128, 4, -128 }, actual[..16]); // kExpectPrune0
        Assert.Equal(new sbyte[] { 11, 0, 12, 0, 0, 13, 0, 14 }, actual[40..48]);
        Assert.Equal(Expand(values, e => e < 40 ? (sbyte)-128 : (sbyte)0, 80), actual);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmSingleChannelZeroPoint(string implementation)
    {
        sbyte[] values = ChannelValues(13, 23);
        TestTensor output = Output(TensorType.Int8, new[] { 1, 8, 10, 1 }, 1, 0, new long[] { -44 });
        using KernelRunner runner = Runner(implementation, new[] { Pair(TfLiteModelBuilder.Bytes(values), output) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(2);
        Assert.Equal(new sbyte[] { 13, -44, 14, -44, -44, 15, -44, 16, -44, 13 }, actual[..10]); // kExpectPrune5
        Assert.Equal(Expand(values, _ => (sbyte)-44, 80), actual);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmAlternateAxisZeroPoints(string implementation)
    {
        // 40 channels on the last axis, zero points 0, -1, ..., -19 twice (kZeroPointsPrune4).
        long[] zeroPoints = new long[40];
        for (int c = 0; c < 40; c++) zeroPoints[c] = -(c % 20);
        sbyte[] values = new sbyte[40];
        for (int i = 0; i < 40; i++) values[i] = (sbyte)((i < 20 ? 17 : 21) + i % 4);
        TestTensor output = Output(TensorType.Int8, new[] { 1, 2, 1, 40 }, 40, 3, zeroPoints);
        using KernelRunner runner = Runner(implementation, new[] { Pair(TfLiteModelBuilder.Bytes(values), output) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(2);
        Assert.Equal(new sbyte[] { 17, -1, 18, -3, -4, 19, -6, 20, -8, 17, -10, 18, 19, -13, 20, -15, 17, -17, 18, -19 }, actual[..20]); // kExpectPrune4
        Assert.Equal(new sbyte[] { 0, 19, -2, 20, 17, -5, 18, -7, -8, 19 }, actual[20..30]);
        Assert.Equal(Expand(values, e => (sbyte)zeroPoints[e % 40], 80), actual);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesInt16Int32Int64AndBool(string implementation)
    {
        short[] v16 = new short[40];
        int[] v32 = new int[40];
        long[] v64 = new long[40];
        bool[] vb = new bool[40];
        for (int i = 0; i < 40; i++)
        {
            v16[i] = (short)(i < 20 ? 5 + i % 4 : -32768 + i);
            v32[i] = int.MinValue + 7919 * i;
            v64[i] = long.MaxValue - 104729L * i;
            vb[i] = i % 3 != 0;
        }
        TestTensor int16 = Output(TensorType.Int16, new[] { 2, 5, 8, 1 }, 2, 0, new long[] { 0, 0 }); // kZeroPointsPrune1
        using KernelRunner runner = Runner(implementation, new[]
        {
            Pair(TfLiteModelBuilder.Bytes(v16), int16),
            Pair(TfLiteModelBuilder.Bytes(v32), new TestTensor(TensorType.Int32, new[] { 80 })),
            Pair(TfLiteModelBuilder.Bytes(v64), new TestTensor(TensorType.Int64, new[] { 8, 10 })),
            Pair(TfLiteModelBuilder.Bytes(vb), new TestTensor(TensorType.Bool, new[] { 80 })),
        });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Expand(v16, _ => (short)0, 80), runner.Get<short>(8));
        Assert.Equal(new short[] { 5, 0, 6, 0, 0, 7, 0, 8, 0, 5, 0, 6, 7, 0, 8, 0 }, runner.Get<short>(8)[..16]); // kExpectPrune1
        Assert.Equal(Expand(v32, _ => 0, 80), runner.Get<int>(9));
        Assert.Equal(Expand(v64, _ => 0L, 80), runner.Get<long>(10));
        Assert.Equal(Expand(vb, _ => false, 80), runner.Get<bool>(11));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ReadsTheMaskMostSignificantBitFirst(string implementation)
    {
        // An asymmetric mask (TFLM's 0xA5/0x5A read the same in both bit orders).
        var pair = new DecodePair(new byte[] { 0b1100_0001, 0b0000_0010 }, Ancillary(DecodeType.Prune, 0, 0, TfLiteModelBuilder.Bytes(10, 20, 30, 40)),
            new TestTensor(TensorType.Int32, new[] { 16 }));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 10, 20, 0, 0, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 40, 0 }, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SweepsRandomMasksTypesAndChannelLayouts(string implementation)
    {
        var random = new Random(4321);
        TensorType[] types = { TensorType.Bool, TensorType.Float32, TensorType.Int8, TensorType.Int16, TensorType.Int32, TensorType.Int64 };
        foreach (TensorType type in types)
        {
            int size = TensorTypes.ElementSize(type);
            foreach ((int channels, bool lastAxis) in new[] { (1, false), (3, false), (4, true) })
            {
                foreach (int perChannel in new[] { 1, 5, 8, 13 })
                {
                    int count = channels * perChannel;
                    byte[] mask = new byte[(count + 7) / 8];
                    random.NextBytes(mask);
                    var kept = new System.Collections.Generic.List<int>();
                    for (int e = 0; e < count; e++)
                    {
                        if ((mask[e / 8] & (0x80 >> (e % 8))) != 0) kept.Add(e);
                    }
                    byte[] values = new byte[kept.Count * size];
                    random.NextBytes(values);
                    if (type == TensorType.Bool) for (int i = 0; i < values.Length; i++) values[i] &= 1;
                    // Non-zero zero points only for int8 (every other type must have zeros).
                    long[] zeroPoints = new long[channels];
                    if (type == TensorType.Int8) for (int c = 0; c < channels; c++) zeroPoints[c] = random.Next(-128, 128);
                    byte[] expected = new byte[count * size];
                    int next = 0;
                    for (int e = 0; e < count; e++)
                    {
                        if (next < kept.Count && kept[next] == e)
                        {
                            Array.Copy(values, next * size, expected, e * size, size);
                            next++;
                        }
                        else if (type == TensorType.Int8)
                        {
                            int channel = lastAxis ? e % channels : e / perChannel;
                            expected[e] = (byte)(sbyte)zeroPoints[channel];
                        }
                    }
                    int[] shape = lastAxis ? new[] { perChannel, channels } : new[] { channels, perChannel };
                    TestTensor output = Output(type, shape, channels, lastAxis ? 1 : 0, zeroPoints);
                    using KernelRunner runner = Runner(implementation, new[] { new DecodePair(mask, Ancillary(DecodeType.Prune, 0, 0, values), output) });
                    string label = TensorTypes.NameText(type) + " channels=" + channels + (lastAxis ? " last-axis" : "") + " perChannel=" + perChannel;
                    Assert.True(runner.InitAndPrepare() == Status.Ok, label + ": " + runner.Errors.MessageText);
                    Assert.True(runner.Invoke() == Status.Ok, label);
                    Assert.True(expected.AsSpan().SequenceEqual(OutputBytes(runner, 2)), label);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsNonZeroZeroPointForInt16(string implementation)
    {
        TestTensor output = Output(TensorType.Int16, new[] { 2, 5, 8, 1 }, 2, 0, new long[] { 0, -1 }); // kZeroPointsPrune1_Invalid
        using KernelRunner runner = Runner(implementation, new[] { Pair(new byte[80], output) });
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("output 0", runner.Errors.MessageText);
        Assert.Contains("zero", runner.Errors.MessageText);
    }
}
