using System;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Kernels.Tests.DepthwiseConv;
using TfLiteMicro.Kernels.Tests.X86Simd;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.CmsisNn;

/// <summary>
/// Randomized cross-checks of the cmsis-nn port (its kernels with the microkernels' C# twins) against the reference
/// kernels, on shapes chosen to run every path and tail: channel counts that are not a multiple of four, depth 1,
/// depths with every remainder modulo 4, 1–4 pixels in the last block, strides, dilations, SAME and VALID padding,
/// per-tensor and per-channel quantization, grouped convolutions, depth multipliers 1 to 8, filters larger than the
/// depthwise microkernel keeps (reference fallback), broadcasting ADD and ADD large enough for the tables, pooling
/// windows of up to 289 pixels (more than 256: the 32-bit sums) and clipped SAME windows.
/// Results must be bit-identical. (The native code is compared with the twins on the device: CmsisNnMicrokernelTests.)
/// </summary>
public class CmsisNnCrossCheckTests
{
    private static readonly string Port = KernelImplementations.CmsisNn;

    public static TheoryData<string> ConvShapes => new TheoryData<string>
    {
        // batches, height, width, input depth, output depth, filter height, filter width, filter depth (groups =
        // input depth / filter depth), stride h, stride w, dilation h, dilation w, SAME
        "1 5 5 1 1 1 1 1 1 1 1 1 0",     // depth 1, pointwise
        "1 7 6 3 5 1 1 3 1 1 1 1 0",     // pointwise, odd channels, 42 pixels (last block of 2)
        "2 6 7 16 17 1 1 16 2 2 1 1 0",  // pointwise with stride 2
        "1 8 8 6 10 1 1 3 1 1 1 1 0",    // pointwise, two groups of five
        "1 9 9 3 8 3 3 3 2 2 1 1 1",     // VWW's first layer shape
        "1 9 10 1 8 3 3 1 2 2 1 1 1",    // person_detect-like first layer, depth 9
        "1 12 5 1 7 10 4 1 2 2 1 1 1",   // KWS's first layer shape (10×4, one input channel)
        "1 8 8 16 16 3 3 16 1 1 1 1 1",  // ResNet 3×3, rows widened in place
        "1 7 7 5 6 3 3 5 1 1 1 1 1",     // depth 45 (remainder 1)
        "1 6 9 7 3 2 3 7 1 2 1 1 0",     // depth 42 (remainder 2), VALID
        "1 9 9 4 5 3 3 4 1 1 2 2 1",     // dilation 2, SAME
        "1 10 8 8 12 3 3 4 1 1 1 1 1",   // two groups, 3×3
        "1 8 8 6 9 3 2 2 2 1 1 2 0",     // three groups, dilation w 2
        "1 11 11 2 4 5 5 2 3 3 1 1 1",   // 5×5, stride 3
        "3 5 5 4 7 3 3 4 1 1 1 1 0",     // three batches
        "1 4 4 3 2 4 4 3 1 1 1 1 0",     // one output pixel
    };

    [Theory]
    [MemberData(nameof(ConvShapes))]
    public void Conv2DInt8MatchesReference(string shape)
    {
        int[] s = Parse(shape);
        (int n, int h, int w, int cin, int cout, int fh, int fw, int fd, int sh, int sw, int dh, int dw, bool same) =
            (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12] == 1);
        Random random = new Random(shape.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        int oh = ConvolutionReference.OutputSize(same, h, fh, sh, dh);
        int ow = ConvolutionReference.OutputSize(same, w, fw, sw, dw);
        int trial = 0;
        foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6, ActivationFunctionType.RELU })
        {
            bool perChannel = trial++ != 1;
            int filterCount = cout * fh * fw * fd;
            TestTensor filter = perChannel
                ? TestTensor.Int8PerChannel(new[] { cout, fh, fw, fd }, PortCrossCheck.RandomInt8(random, filterCount),
                    PortCrossCheck.RandomScales(random, cout, 0.001f, 0.05f))
                : TestTensor.Int8(new[] { cout, fh, fw, fd }, PortCrossCheck.RandomInt8(random, filterCount), 0.02f, 0, isConstant: true);
            TestTensor[] tensors =
            {
                TestTensor.Int8(new[] { n, h, w, cin }, PortCrossCheck.RandomInt8(random, n * h * w * cin), 0.05f, random.Next(-128, 128)),
                filter,
                TestTensor.Int32(new[] { cout }, PortCrossCheck.RandomInt32(random, cout, 20000), 0.0005f, 0, isConstant: true),
                TestTensor.Int8(new[] { n, oh, ow, cout }, null, 0.05f + (float)random.NextDouble() * 0.5f, random.Next(-128, 128)),
            };
            var (reference, port) = PortCrossCheck.Run<sbyte>(Port, BuiltinOperator.CONV_2D, tensors,
                trial == 3 ? new[] { 0, 1, -1 } : new[] { 0, 1, 2 }, 3, BuiltinOptions.Conv2DOptions,
                Conv2DTests.Options(same ? Padding.SAME : Padding.VALID, sw, sh, activation, dw, dh));
            Assert.Equal(reference, port);
        }
    }

    public static TheoryData<string> DepthwiseShapes => new TheoryData<string>
    {
        // batches, height, width, input depth, depth multiplier, filter height, filter width, stride h, stride w,
        // dilation h, dilation w, SAME
        "1 6 6 1 1 3 3 1 1 1 1 1",       // one channel (the scalar tail only)
        "1 7 7 3 1 3 3 1 1 1 1 1",       // three channels
        "1 8 8 8 1 3 3 1 1 1 1 1",       // the 3×3 fast path
        "1 9 9 13 1 3 3 2 2 1 1 1",      // 13 channels (three groups of four + one), stride 2
        "1 6 6 16 1 3 3 1 1 1 1 0",      // VALID
        "1 10 10 4 1 3 3 1 1 2 2 1",     // dilation 2
        "1 10 9 6 1 5 5 1 1 1 1 1",      // 5×5
        "1 5 12 4 1 1 7 1 3 1 1 1",      // 1×7, stride 3
        "1 9 9 1 8 3 3 2 2 1 1 1",       // person_detect's first layer: multiplier 8 from one channel
        "1 6 6 3 4 3 3 1 1 1 1 1",       // multiplier 4
        "1 6 6 5 2 3 3 1 1 1 1 1",       // multiplier 2 (repeated channels)
        "1 5 5 3 3 2 2 1 1 1 1 0",       // multiplier 3
        "2 5 5 8 1 3 3 1 1 1 1 1",       // two batches
        "1 9 9 4 1 9 9 1 1 1 1 1",       // 81 taps: more than the microkernel keeps (reference)
        "1 3 3 12 1 3 3 1 1 1 1 1",      // 3×3 image: every output is a border
    };

    [Theory]
    [MemberData(nameof(DepthwiseShapes))]
    public void DepthwiseConv2DInt8MatchesReference(string shape)
    {
        int[] s = Parse(shape);
        (int n, int h, int w, int cin, int m, int fh, int fw, int sh, int sw, int dh, int dw, bool same) =
            (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11] == 1);
        int cout = cin * m;
        Random random = new Random(shape.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        int oh = ConvolutionReference.OutputSize(same, h, fh, sh, dh);
        int ow = ConvolutionReference.OutputSize(same, w, fw, sw, dw);
        int trial = 0;
        foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6, ActivationFunctionType.RELU })
        {
            bool perChannel = trial++ != 1;
            int filterCount = fh * fw * cout;
            TestTensor filter = perChannel
                ? TestTensor.Int8PerChannel(new[] { 1, fh, fw, cout }, PortCrossCheck.RandomInt8(random, filterCount),
                    PortCrossCheck.RandomScales(random, cout, 0.001f, 0.05f), quantizedDimension: 3)
                : TestTensor.Int8(new[] { 1, fh, fw, cout }, PortCrossCheck.RandomInt8(random, filterCount), 0.02f, 0, isConstant: true);
            TestTensor[] tensors =
            {
                TestTensor.Int8(new[] { n, h, w, cin }, PortCrossCheck.RandomInt8(random, n * h * w * cin), 0.05f, random.Next(-128, 128)),
                filter,
                TestTensor.Int32(new[] { cout }, PortCrossCheck.RandomInt32(random, cout, 20000), 0.0005f, 0, isConstant: true),
                TestTensor.Int8(new[] { n, oh, ow, cout }, null, 0.02f + (float)random.NextDouble() * 0.2f, random.Next(-128, 128)),
            };
            var (reference, port) = PortCrossCheck.Run<sbyte>(Port, BuiltinOperator.DEPTHWISE_CONV_2D, tensors,
                trial == 3 ? new[] { 0, 1, -1 } : new[] { 0, 1, 2 }, 3, BuiltinOptions.DepthwiseConv2DOptions,
                DepthwiseConv2DTests.Options(same ? Padding.SAME : Padding.VALID, sw, sh, m, activation, dw, dh));
            Assert.Equal(reference, port);
        }
    }

    public static TheoryData<int, int, int, bool> FullyConnectedShapes => new TheoryData<int, int, int, bool>
    {
        // batches, depth, output channels, per-channel
        { 1, 1, 1, false }, { 1, 2, 3, true }, { 1, 3, 5, false }, { 1, 7, 2, true }, { 1, 64, 16, false },
        { 1, 65, 17, true }, { 1, 640, 128, false }, { 2, 33, 31, true }, { 5, 250, 48, false }, { 7, 10, 70, true },
    };

    [Theory]
    [MemberData(nameof(FullyConnectedShapes))]
    public void FullyConnectedInt8MatchesReference(int batches, int depth, int channels, bool perChannel)
    {
        Random random = new Random(batches * 1000 + depth * 10 + channels);
        foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6 })
        {
            TestTensor filter = perChannel
                ? TestTensor.Int8PerChannel(new[] { channels, depth }, PortCrossCheck.RandomInt8(random, channels * depth),
                    PortCrossCheck.RandomScales(random, channels, 0.001f, 0.02f))
                : TestTensor.Int8(new[] { channels, depth }, PortCrossCheck.RandomInt8(random, channels * depth), 0.01f, 0, isConstant: true);
            TestTensor[] tensors =
            {
                TestTensor.Int8(new[] { batches, depth }, PortCrossCheck.RandomInt8(random, batches * depth), 0.05f, random.Next(-128, 128)),
                filter,
                TestTensor.Int32(new[] { channels }, PortCrossCheck.RandomInt32(random, channels, 5000), 0.0005f, 0, isConstant: true),
                TestTensor.Int8(new[] { batches, channels }, null, 0.1f + (float)random.NextDouble(), random.Next(-128, 128)),
            };
            var (reference, port) = PortCrossCheck.Run<sbyte>(Port, BuiltinOperator.FULLY_CONNECTED, tensors,
                activation == ActivationFunctionType.NONE ? new[] { 0, 1, 2 } : new[] { 0, 1, -1 }, 3,
                BuiltinOptions.FullyConnectedOptions, new FbTable().Scalar(0, (sbyte)activation));
            Assert.Equal(reference, port);
        }
    }

    public static TheoryData<int[], int[]> AddShapes => new TheoryData<int[], int[]>
    {
        { new[] { 1, 1 }, new[] { 1, 1 } },
        { new[] { 1, 37 }, new[] { 1, 37 } },
        { new[] { 2, 5, 5, 64 }, new[] { 2, 5, 5, 64 } },      // 3,200 elements: the tables
        { new[] { 1, 32, 32, 16 }, new[] { 1, 32, 32, 16 } },  // ResNet-8's first ADD
        { new[] { 3, 7, 33 }, new[] { 1, 1, 33 } },
        { new[] { 4, 100 }, new[] { 1 } },
        { new[] { 1 }, new[] { 3, 99 } },
        { new[] { 6, 1, 17 }, new[] { 1, 5, 1 } },
        { new[] { 40, 40 }, new[] { 40, 1 } },                  // broadcast with the tables
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
        { 6, 5, 13, 3, 2, 1, true }, { 20, 20, 64, 10, 10, 1, false }, { 3, 3, 129, 3, 3, 1, false }, { 17, 17, 5, 17, 1, 1, false },
    };

    [Theory]
    [MemberData(nameof(PoolShapes))]
    public void PoolingInt8MatchesReference(int height, int width, int depth, int filter, int stride, int batches, bool same)
    {
        Random random = new Random(height * 1000 + width * 100 + depth);
        int outHeight = same ? (height + stride - 1) / stride : (height - filter + stride) / stride;
        int outWidth = same ? (width + stride - 1) / stride : (width - filter + stride) / stride;
        foreach (BuiltinOperator op in new[] { BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D })
        {
            foreach (ActivationFunctionType activation in new[] { ActivationFunctionType.NONE, ActivationFunctionType.RELU6 })
            {
                int zeroPoint = random.Next(-128, 128);
                TestTensor[] tensors =
                {
                    TestTensor.Int8(new[] { batches, height, width, depth }, PortCrossCheck.RandomInt8(random, batches * height * width * depth), 0.05f, zeroPoint),
                    TestTensor.Int8(new[] { batches, outHeight, outWidth, depth }, null, 0.05f, zeroPoint),
                };
                FbTable options = new FbTable().Scalar(0, (sbyte)(same ? Padding.SAME : Padding.VALID)).Scalar(1, stride).Scalar(2, stride)
                    .Scalar(3, filter).Scalar(4, filter).Scalar(5, (sbyte)activation);
                var (reference, port) = PortCrossCheck.Run<sbyte>(Port, op, tensors, new[] { 0 }, 1, BuiltinOptions.Pool2DOptions, options);
                Assert.Equal(reference, port);
            }
        }
    }

    private static int[] Parse(string shape) => Array.ConvertAll(shape.Split(' '), int.Parse);

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
