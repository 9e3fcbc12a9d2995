using System;
using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Decode.DecodeTestSupport;

namespace TfLiteMicro.Kernels.Tests.Decode;

/// <summary>
/// DECODE with LUT metadata: TFLM's decode_test.cc vectors, and a sweep in the manner of decode_state_lut_test.cc
/// (every output type, bit widths 1..7, one channel, several channels along axis 0 and along the last axis, value
/// tables of 2^n and 2^n - 1 entries) against an independent model: pack chosen indices, expect their table entries.
/// </summary>
public class DecodeLutTests
{
    private static readonly byte[] EncodedTflm = { 0x1B, 0xE4 };

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmSingleTensorVector(string implementation)
    {
        var pair = new DecodePair(EncodedTflm, Ancillary(DecodeType.Lut, 2, 4, new byte[] { 1, 2, 3, 4 }),
            new TestTensor(TensorType.Int8, new[] { 1, 2, 4 }));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 1, 2, 3, 4, 4, 3, 2, 1 }, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DecodesTflmTwoTensorVector(string implementation)
    {
        var int8 = new DecodePair(EncodedTflm, Ancillary(DecodeType.Lut, 2, 4, new byte[] { 1, 2, 3, 4 }),
            new TestTensor(TensorType.Int8, new[] { 1, 2, 4 }));
        var int16 = new DecodePair(EncodedTflm, Ancillary(DecodeType.Lut, 2, 4, TfLiteModelBuilder.Bytes(new short[] { 5, 6, 7, 8 })),
            new TestTensor(TensorType.Int16, new[] { 1, 2, 4 }));
        using KernelRunner runner = Runner(implementation, new[] { int8, int16 });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 1, 2, 3, 4, 4, 3, 2, 1 }, runner.Get<sbyte>(4));
        Assert.Equal(new short[] { 5, 6, 7, 8, 8, 7, 6, 5 }, runner.Get<short>(5));
    }

    public static IEnumerable<object[]> TypesAndImplementations()
    {
        TensorType[] types = { TensorType.Bool, TensorType.Float32, TensorType.Int8, TensorType.Int16, TensorType.Int32, TensorType.Int64 };
        foreach (object[] implementation in KernelImplementations.All())
        {
            foreach (TensorType type in types) yield return new object[] { implementation[0], type };
        }
    }

    [Theory]
    [MemberData(nameof(TypesAndImplementations))]
    public void SweepsBitWidthsChannelLayoutsAndCounts(string implementation, TensorType type)
    {
        int size = TensorTypes.ElementSize(type);
        int[] perChannelCounts = { 1, 3, 8, 16, 17, 33, 64 };
        var random = new Random(1234 + (int)type);
        for (int bitWidth = 1; bitWidth <= 7; bitWidth++)
        {
            foreach ((int channels, bool lastAxis) in new[] { (1, false), (2, false), (3, true) })
            {
                foreach (int perChannel in perChannelCounts)
                {
                    foreach (bool fullTable in new[] { true, false })
                    {
                        int stride = type == TensorType.Bool ? (fullTable ? 2 : 1) : (1 << bitWidth) - (fullTable ? 0 : 1);
                        stride = Math.Max(1, Math.Min(stride, 1 << bitWidth));
                        RunSweepCase(implementation, type, size, bitWidth, channels, lastAxis, perChannel, stride, random);
                    }
                }
            }
        }
    }

    private static void RunSweepCase(string implementation, TensorType type, int size, int bitWidth, int channels, bool lastAxis,
        int perChannel, int stride, Random random)
    {
        int count = channels * perChannel;
        // Value tables: distinct random entries per channel (0/1 for bool).
        byte[] table = new byte[channels * stride * size];
        if (type == TensorType.Bool)
        {
            for (int i = 0; i < channels * stride; i++) table[i] = (byte)((i + 1) % 2);
        }
        else
        {
            random.NextBytes(table);
        }
        var indices = new List<int>();
        byte[] expected = new byte[count * size];
        for (int e = 0; e < count; e++)
        {
            int channel = lastAxis ? e % channels : e / perChannel;
            int index = random.Next(stride);
            indices.Add(index);
            Array.Copy(table, (channel * stride + index) * size, expected, e * size, size);
        }
        int[] shape = lastAxis ? new[] { perChannel, channels } : new[] { channels, perChannel };
        TestTensor output = channels == 1 ? new TestTensor(type, shape) : Output(type, shape, channels, lastAxis ? 1 : 0);
        var pair = new DecodePair(PackBits(indices, bitWidth), Ancillary(DecodeType.Lut, (byte)bitWidth, (byte)stride, table), output);
        using KernelRunner runner = Runner(implementation, new[] { pair });
        string label = TensorTypes.NameText(type) + " bw=" + bitWidth + " channels=" + channels + (lastAxis ? " last-axis" : "")
            + " perChannel=" + perChannel + " stride=" + stride;
        Assert.True(runner.InitAndPrepare() == Status.Ok, label + ": " + runner.Errors.MessageText);
        Assert.True(runner.Invoke() == Status.Ok, label + ": " + runner.Errors.MessageText);
        Assert.True(expected.AsSpan().SequenceEqual(OutputBytes(runner, 2)), label);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SingleScaleOnTheLastAxisOfRankOneIsAxisZero(string implementation)
    {
        // Rank 1: the last axis is axis 0, so a per-tensor quantized output is accepted (TFLM's axis rule).
        var pair = new DecodePair(new byte[] { 0b0110_0000 }, Ancillary(DecodeType.Lut, 1, 2, new byte[] { 9, 7 }),
            Output(TensorType.Int8, new[] { 3 }, 1, 0));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 9, 7, 7 }, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void IgnoresTheHighBitsOfTheParametersByte(string implementation)
    {
        // Only bits 2..0 of byte 5 are the width (TFLM masks with 0x07).
        var pair = new DecodePair(EncodedTflm, Ancillary(DecodeType.Lut, 0xF2, 4, new byte[] { 1, 2, 3, 4 }),
            new TestTensor(TensorType.Int8, new[] { 8 }));
        using KernelRunner runner = Runner(implementation, new[] { pair });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 1, 2, 3, 4, 4, 3, 2, 1 }, runner.Get<sbyte>(2));
    }
}
