using System;
using System.Runtime.Intrinsics.X86;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.X86Simd;

/// <summary>
/// Randomized cross-checks of the x86-simd port against the reference kernels on shapes that exercise every
/// register block, channel tail and depth parity. Results must be bit-identical. The same tests run again in child
/// processes with the wider ISAs disabled (<see cref="X86SimdIsaConfigurationTests"/>).
/// </summary>
public class X86SimdCrossCheckTests
{
    private static readonly string Port = KernelImplementations.X86Simd;

    public static TheoryData<int, int, int, bool> FullyConnectedShapes => new TheoryData<int, int, int, bool>
    {
        // batches, depth, channels, per-channel
        { 1, 1, 1, false }, { 1, 7, 3, true }, { 1, 64, 16, false }, { 1, 65, 17, true }, { 1, 640, 128, false },
        { 2, 33, 31, true }, { 4, 64, 32, true }, { 5, 250, 48, false }, { 7, 10, 70, true }, { 9, 129, 96, true },
    };

    [Theory]
    [MemberData(nameof(FullyConnectedShapes))]
    public void FullyConnectedInt8MatchesReference(int batches, int depth, int channels, bool perChannel)
    {
        Random random = new Random(batches * 1000 + depth * 10 + channels);
        foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6 })
        {
            int inputZeroPoint = random.Next(-128, 128);
            int outputZeroPoint = random.Next(-128, 128);
            TestTensor filter = perChannel
                ? TestTensor.Int8PerChannel(new[] { channels, depth }, PortCrossCheck.RandomInt8(random, channels * depth),
                    PortCrossCheck.RandomScales(random, channels, 0.001f, 0.02f))
                : TestTensor.Int8(new[] { channels, depth }, PortCrossCheck.RandomInt8(random, channels * depth), 0.01f, 0, isConstant: true);
            TestTensor[] tensors =
            {
                TestTensor.Int8(new[] { batches, depth }, PortCrossCheck.RandomInt8(random, batches * depth), 0.05f, inputZeroPoint),
                filter,
                TestTensor.Int32(new[] { channels }, PortCrossCheck.RandomInt32(random, channels, 5000), 0.0005f, 0, isConstant: true),
                TestTensor.Int8(new[] { batches, channels }, null, 0.1f + (float)random.NextDouble(), outputZeroPoint),
            };
            var (reference, port) = PortCrossCheck.Run<sbyte>(Port, BuiltinOperator.FULLY_CONNECTED, tensors, new[] { 0, 1, 2 }, 3,
                BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)activation));
            Assert.Equal(reference, port);
        }
    }

    [Theory]
    [MemberData(nameof(FullyConnectedShapes))]
    public void FullyConnectedFloatMatchesReference(int batches, int depth, int channels, bool withBias)
    {
        Random random = new Random(batches * 7 + depth * 3 + channels);
        TestTensor[] tensors =
        {
            TestTensor.Float(new[] { batches, depth }, PortCrossCheck.RandomFloat(random, batches * depth)),
            TestTensor.Float(new[] { channels, depth }, PortCrossCheck.RandomFloat(random, channels * depth), isConstant: true),
            TestTensor.Float(new[] { channels }, PortCrossCheck.RandomFloat(random, channels), isConstant: true),
            TestTensor.Float(new[] { batches, channels }),
        };
        var (reference, port) = PortCrossCheck.Run<float>(Port, BuiltinOperator.FULLY_CONNECTED, tensors,
            withBias ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, 3, BuiltinOptions.FullyConnectedOptions,
            new FbTable().Scalar(0, (sbyte)ActivationFunctionType.RELU));
        // Bit patterns, not approximate equality: the port must accumulate exactly like the reference.
        Assert.Equal(Bits(reference), Bits(port));
    }

    public static TheoryData<int[], int[]> AddShapes => new TheoryData<int[], int[]>
    {
        { new[] { 1, 1 }, new[] { 1, 1 } },
        { new[] { 1, 37 }, new[] { 1, 37 } },
        { new[] { 2, 5, 5, 64 }, new[] { 2, 5, 5, 64 } },
        { new[] { 3, 7, 33 }, new[] { 1, 1, 33 } },
        { new[] { 4, 100 }, new[] { 1 } },
        { new[] { 1 }, new[] { 3, 99 } },
        { new[] { 6, 1, 17 }, new[] { 1, 5, 1 } },
    };

    [Theory]
    [MemberData(nameof(AddShapes))]
    public void AddInt8MatchesReference(int[] shape1, int[] shape2)
    {
        Random random = new Random(shape1.Length * 100 + shape2[shape2.Length - 1]);
        int[] outputShape = BroadcastOf(shape1, shape2);
        for (int trial = 0; trial < 4; trial++)
        {
            TestTensor[] tensors =
            {
                TestTensor.Int8(shape1, PortCrossCheck.RandomInt8(random, Count(shape1)), 0.01f + (float)random.NextDouble() * 0.1f, random.Next(-128, 128)),
                TestTensor.Int8(shape2, PortCrossCheck.RandomInt8(random, Count(shape2)), 0.01f + (float)random.NextDouble() * 0.1f, random.Next(-128, 128)),
                TestTensor.Int8(outputShape, null, 0.05f + (float)random.NextDouble() * 0.2f, random.Next(-128, 128)),
            };
            ActivationFunctionType activation = trial % 2 == 0 ? ActivationFunctionType.NONE : ActivationFunctionType.RELU;
            var (reference, port) = PortCrossCheck.Run<sbyte>(Port, BuiltinOperator.ADD, tensors, new[] { 0, 1 }, 2,
                BuiltinOptions.AddOptions, new FbTable().Scalar(0, (sbyte)activation));
            Assert.Equal(reference, port);
        }
    }

    public static TheoryData<int, int, int, int, int, int, bool> PoolShapes => new TheoryData<int, int, int, int, int, int, bool>
    {
        // height, width, depth, filter, stride, batches, same padding
        { 4, 4, 1, 2, 2, 1, false }, { 5, 7, 3, 3, 1, 1, true }, { 8, 8, 16, 2, 2, 2, false }, { 9, 9, 64, 3, 2, 1, true },
        { 6, 5, 100, 3, 2, 1, true }, { 5, 5, 64, 5, 1, 1, false }, { 3, 3, 129, 3, 3, 1, false },
    };

    [Theory]
    [MemberData(nameof(PoolShapes))]
    public void PoolingInt8MatchesReference(int height, int width, int depth, int filter, int stride, int batches, bool same)
    {
        Random random = new Random(height * 31 + width * 7 + depth);
        int outHeight = same ? (height + stride - 1) / stride : (height - filter + stride) / stride;
        int outWidth = same ? (width + stride - 1) / stride : (width - filter + stride) / stride;
        foreach (BuiltinOperator op in new[] { BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D })
        {
            foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6 })
            {
                int zeroPoint = random.Next(-128, 128);
                TestTensor[] tensors =
                {
                    TestTensor.Int8(new[] { batches, height, width, depth }, PortCrossCheck.RandomInt8(random, batches * height * width * depth), 0.1f, zeroPoint),
                    TestTensor.Int8(new[] { batches, outHeight, outWidth, depth }, null, 0.1f, zeroPoint),
                };
                FbTable options = new FbTable().Scalar(0, (sbyte)(same ? Padding.SAME : Padding.VALID)).Scalar(1, stride).Scalar(2, stride)
                    .Scalar(3, filter).Scalar(4, filter).Scalar(5, (sbyte)activation);
                var (reference, port) = PortCrossCheck.Run<sbyte>(Port, op, tensors, new[] { 0 }, 1, BuiltinOptions.Pool2DOptions, options);
                Assert.Equal(reference, port);
            }
        }
    }

    /// <summary>
    /// Proves the child processes of <see cref="X86SimdIsaConfigurationTests"/> really run a narrower path: each
    /// DOTNET_Enable* switch set to 0 must hide the matching instruction set from the port.
    /// </summary>
    [Fact]
    public void DisabledInstructionSetsAreHidden()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0") Assert.False(Avx512BW.IsSupported);
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0") Assert.False(Avx2.IsSupported);
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(Sse41.IsSupported);
            Assert.False(Avx.IsSupported);
        }
    }

    private static int[] Bits(float[] values)
    {
        int[] bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    private static int Count(int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        return count;
    }

    private static int[] BroadcastOf(int[] a, int[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            int db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            result[i] = Math.Max(da, db);
        }
        return result;
    }
}
