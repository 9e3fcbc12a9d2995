using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ResizeBilinear;

/// <summary>
/// RESIZE_BILINEAR. Float expectations: TFLM's resize_bilinear_test.cc vectors and a double-precision bilinear
/// sampler written here (source coordinate clamped to the input, linear weights). Integer expectations: the same
/// sampler rounded half away from zero, on sizes whose scales are exact in TFLM's 10-bit fixed point (so the integer
/// path has no approximation error).
/// </summary>
public class ResizeBilinearTests
{
    private const int Input = 0;
    private const int Size = 1;
    private const int Output = 2;

    private static KernelRunner Runner(string implementation, TestTensor input, int[] size, TestTensor output,
        bool alignCorners, bool halfPixelCenters, bool sizeConstant = true) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.RESIZE_BILINEAR),
            new[] { input, TestTensor.Int32(new[] { size.Length }, size, isConstant: sizeConstant), output },
            new[] { Input, Size }, new[] { Output }, BuiltinOperator.RESIZE_BILINEAR, (byte)BuiltinOptions.ResizeBilinearOptions,
            new FbTable().Scalar(2, alignCorners).Scalar(3, halfPixelCenters));

    /// <summary>Bilinear sampling of an NHWC tensor in double.</summary>
    private static double[] Sample(double[] input, int batches, int height, int width, int depth, int outHeight, int outWidth,
        bool alignCorners, bool halfPixelCenters)
    {
        double[] output = new double[batches * outHeight * outWidth * depth];
        int o = 0;
        for (int b = 0; b < batches; b++)
        {
            for (int y = 0; y < outHeight; y++)
            {
                Coordinate(y, height, outHeight, alignCorners, halfPixelCenters, out int y0, out int y1, out double fy);
                for (int x = 0; x < outWidth; x++)
                {
                    Coordinate(x, width, outWidth, alignCorners, halfPixelCenters, out int x0, out int x1, out double fx);
                    for (int c = 0; c < depth; c++)
                    {
                        double v00 = input[((b * height + y0) * width + x0) * depth + c];
                        double v10 = input[((b * height + y1) * width + x0) * depth + c];
                        double v01 = input[((b * height + y0) * width + x1) * depth + c];
                        double v11 = input[((b * height + y1) * width + x1) * depth + c];
                        output[o++] = (1 - fy) * (1 - fx) * v00 + fy * (1 - fx) * v10 + (1 - fy) * fx * v01 + fy * fx * v11;
                    }
                }
            }
        }
        return output;
    }

    private static void Coordinate(int outIndex, int inSize, int outSize, bool alignCorners, bool halfPixelCenters,
        out int lower, out int upper, out double fraction)
    {
        double scale = alignCorners && outSize > 1 ? (inSize - 1) / (double)(outSize - 1) : inSize / (double)outSize;
        double source = halfPixelCenters ? (outIndex + 0.5) * scale - 0.5 : outIndex * scale;
        source = Math.Clamp(source, 0, inSize - 1);
        lower = (int)Math.Floor(source);
        upper = Math.Min(lower + 1, inSize - 1);
        fraction = source - lower;
    }

    private static double[] Ramp(Random random, int count, int min, int max)
    {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(min, max + 1);
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatVectorsFromTflm(string implementation)
    {
        (int[] inShape, float[] input, int[] size, float[] expected)[] cases =
        {
            (new[] { 1, 1, 2, 1 }, new float[] { 3, 6 }, new[] { 1, 3 }, new float[] { 3, 5, 6 }),
            (new[] { 1, 2, 1, 1 }, new float[] { 3, 9 }, new[] { 3, 1 }, new float[] { 3, 7, 9 }),
            (new[] { 1, 2, 2, 1 }, new float[] { 3, 6, 9, 12 }, new[] { 3, 3 }, new float[] { 3, 5, 6, 7, 9, 10, 9, 11, 12 }),
        };
        foreach ((int[] inShape, float[] input, int[] size, float[] expected) in cases)
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Float(inShape, input), size,
                TestTensor.Float(new[] { 1, size[0], size[1], 1 }), false, false);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = runner.Get<float>(Output);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        }
    }

    public static TheoryData<string, int[], int[], bool, bool> Cases()
    {
        var data = new TheoryData<string, int[], int[], bool, bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            string name = (string)implementation[0];
            // Input NHWC shape, output size; scales 1/2, 2, (3-1)/(5-1) = 1/2 are exact in 10-bit fixed point.
            data.Add(name, new[] { 2, 2, 3, 3 }, new[] { 4, 6 }, false, false);
            data.Add(name, new[] { 1, 2, 3, 2 }, new[] { 4, 6 }, false, true);
            data.Add(name, new[] { 1, 3, 3, 2 }, new[] { 5, 5 }, true, false);
            data.Add(name, new[] { 2, 4, 4, 1 }, new[] { 2, 2 }, false, false);
            data.Add(name, new[] { 1, 4, 2, 3 }, new[] { 2, 4 }, false, true);
            data.Add(name, new[] { 1, 3, 3, 1 }, new[] { 1, 5 }, true, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatMatchesDoubleSampler(string implementation, int[] inShape, int[] size, bool alignCorners, bool halfPixelCenters)
    {
        Random random = new Random(inShape[1] * 17 + size[1]);
        double[] input = Ramp(random, inShape[0] * inShape[1] * inShape[2] * inShape[3], -50, 50);
        double[] expected = Sample(input, inShape[0], inShape[1], inShape[2], inShape[3], size[0], size[1], alignCorners, halfPixelCenters);
        using KernelRunner runner = Runner(implementation, TestTensor.Float(inShape, Array.ConvertAll(input, v => (float)(v * 0.37))),
            size, TestTensor.Float(new[] { inShape[0], size[0], size[1], inShape[3] }), alignCorners, halfPixelCenters);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(Output);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] * 0.37 - actual[i]) < 1e-4, $"element {i}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8MatchesRoundedSampler(string implementation, int[] inShape, int[] size, bool alignCorners, bool halfPixelCenters)
    {
        Random random = new Random(inShape[2] * 13 + size[0]);
        double[] input = Ramp(random, inShape[0] * inShape[1] * inShape[2] * inShape[3], -128, 127);
        double[] exact = Sample(input, inShape[0], inShape[1], inShape[2], inShape[3], size[0], size[1], alignCorners, halfPixelCenters);
        sbyte[] expected = Array.ConvertAll(exact, v => (sbyte)Math.Round(v, MidpointRounding.AwayFromZero));
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(inShape, Array.ConvertAll(input, v => (sbyte)v), 0.1f, 3),
            size, TestTensor.Int8(new[] { inShape[0], size[0], size[1], inShape[3] }, null, 0.1f, 3), alignCorners, halfPixelCenters);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<sbyte>(Output));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int16MatchesRoundedSampler(string implementation, int[] inShape, int[] size, bool alignCorners, bool halfPixelCenters)
    {
        Random random = new Random(inShape[3] * 7 + size[1]);
        double[] input = Ramp(random, inShape[0] * inShape[1] * inShape[2] * inShape[3], -32768, 32767);
        double[] exact = Sample(input, inShape[0], inShape[1], inShape[2], inShape[3], size[0], size[1], alignCorners, halfPixelCenters);
        short[] expected = Array.ConvertAll(exact, v => (short)Math.Round(v, MidpointRounding.AwayFromZero));
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(inShape, Array.ConvertAll(input, v => (short)v), 0.001f, 0),
            size, TestTensor.Int16(new[] { inShape[0], size[0], size[1], inShape[3] }, null, 0.001f, 0), alignCorners, halfPixelCenters);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<short>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8HalfwayValuesRoundAwayFromZero(string implementation)
    {
        // 2 → 3 with align_corners: the middle column is the plain average; (-3 + -4)/2 = -3.5 → -4, (3 + 4)/2 → 4.
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 1, 2, 2 }, new sbyte[] { -3, 3, -4, 4 }, 1f, 0),
            new[] { 1, 3 }, TestTensor.Int8(new[] { 1, 1, 3, 2 }, null, 1f, 0), true, false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { -3, 3, -4, 4, -4, 4 }, runner.Get<sbyte>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8InexactScaleFollowsTflmFixedPoint(string implementation)
    {
        // TFLM's int8 vector {3, 6} → 3 wide: scale ≈ 683/1024, x = 1 lands at 683/1024: (3·341 + 6·683)/1024 = 5.0009 → 5.
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 1, 2, 1 }, new sbyte[] { 3, 6 }, 1f, 0),
            new[] { 1, 3 }, TestTensor.Int8(new[] { 1, 1, 3, 1 }, null, 1f, 0), false, false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 3, 5, 6 }, runner.Get<sbyte>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInvalidModels(string implementation)
    {
        using (KernelRunner bothFlags = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Float(new[] { 1, 4, 4, 1 }), true, true))
        {
            Assert.NotEqual(Status.Ok, bothFlags.InitAndPrepare());
            Assert.Contains("align_corners and half_pixel_centers cannot both be true", bothFlags.Errors.MessageText);
        }
        using (KernelRunner variableSize = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Float(new[] { 1, 4, 4, 1 }), false, false, sizeConstant: false))
        {
            Assert.NotEqual(Status.Ok, variableSize.InitAndPrepare());
            Assert.Contains("size tensor 1 must be constant", variableSize.Errors.MessageText);
        }
        using (KernelRunner wrongOutput = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Float(new[] { 1, 4, 3, 1 }), false, false))
        {
            Assert.NotEqual(Status.Ok, wrongOutput.InitAndPrepare());
            Assert.Contains("output tensor 2 must have shape [1, 4, 4, 1]", wrongOutput.Errors.MessageText);
        }
        using (KernelRunner rank3 = Runner(implementation, TestTensor.Float(new[] { 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Float(new[] { 1, 4, 4, 1 }), false, false))
        {
            Assert.NotEqual(Status.Ok, rank3.InitAndPrepare());
            Assert.Contains("input tensor 0 has rank 3, expected 4", rank3.Errors.MessageText);
        }
        using (KernelRunner threeSizes = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4, 1 },
            TestTensor.Float(new[] { 1, 4, 4, 1 }), false, false))
        {
            Assert.NotEqual(Status.Ok, threeSizes.InitAndPrepare());
            Assert.Contains("size tensor 1 must be 1-D with 2 elements", threeSizes.Errors.MessageText);
        }
        using (KernelRunner int32 = Runner(implementation, TestTensor.Int32(new[] { 1, 2, 2, 1 }, null), new[] { 4, 4 },
            TestTensor.Int32(new[] { 1, 4, 4, 1 }, null), false, false))
        {
            Assert.NotEqual(Status.Ok, int32.InitAndPrepare());
            Assert.Contains("type INT32 of input tensor 0 is not supported", int32.Errors.MessageText);
        }
    }
}
