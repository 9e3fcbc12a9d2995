using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ResizeNearestNeighbor;

/// <summary>
/// RESIZE_NEAREST_NEIGHBOR. Expectations: TFLM's resize_nearest_neighbor_test.cc vectors and a source-index rule
/// written here in double ((o [+ 0.5]) × scale, floored, or rounded half away from zero with align_corners; clamped),
/// on sizes whose scales are exact so float and double agree.
/// </summary>
public class ResizeNearestNeighborTests
{
    private const int Input = 0;
    private const int Size = 1;
    private const int Output = 2;

    private static KernelRunner Runner(string implementation, TestTensor input, int[] size, TestTensor output,
        bool alignCorners, bool halfPixelCenters) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.RESIZE_NEAREST_NEIGHBOR),
            new[] { input, TestTensor.Int32(new[] { size.Length }, size, isConstant: true), output },
            new[] { Input, Size }, new[] { Output }, BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
            (byte)BuiltinOptions.ResizeNearestNeighborOptions, new FbTable().Scalar(0, alignCorners).Scalar(1, halfPixelCenters));

    private static int SourceIndex(int outIndex, int inSize, int outSize, bool alignCorners, bool halfPixelCenters)
    {
        double scale = alignCorners && outSize > 1 ? (inSize - 1) / (double)(outSize - 1) : inSize / (double)outSize;
        double position = (outIndex + (halfPixelCenters ? 0.5 : 0)) * scale;
        int index = alignCorners ? (int)Math.Round(position, MidpointRounding.AwayFromZero) : (int)Math.Floor(position);
        return Math.Max(0, Math.Min(index, inSize - 1));
    }

    private static T[] Sample<T>(T[] input, int[] shape, int[] size, bool alignCorners, bool halfPixelCenters)
    {
        int batches = shape[0], height = shape[1], width = shape[2], depth = shape[3];
        T[] output = new T[batches * size[0] * size[1] * depth];
        int o = 0;
        for (int b = 0; b < batches; b++)
        {
            for (int y = 0; y < size[0]; y++)
            {
                int sy = SourceIndex(y, height, size[0], alignCorners, halfPixelCenters);
                for (int x = 0; x < size[1]; x++)
                {
                    int sx = SourceIndex(x, width, size[1], alignCorners, halfPixelCenters);
                    for (int c = 0; c < depth; c++) output[o++] = input[((b * height + sy) * width + sx) * depth + c];
                }
            }
        }
        return output;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatVectorsFromTflm(string implementation)
    {
        (int[] inShape, float[] input, int[] size, float[] expected)[] cases =
        {
            (new[] { 1, 1, 2, 1 }, new float[] { 3, 6 }, new[] { 1, 3 }, new float[] { 3, 3, 6 }),
            (new[] { 1, 2, 1, 1 }, new float[] { 3, 9 }, new[] { 3, 1 }, new float[] { 3, 3, 9 }),
            (new[] { 1, 2, 2, 1 }, new float[] { 3, 6, 9, 12 }, new[] { 3, 3 }, new float[] { 3, 3, 6, 3, 3, 6, 9, 9, 12 }),
        };
        foreach ((int[] inShape, float[] input, int[] size, float[] expected) in cases)
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Float(inShape, input), size,
                TestTensor.Float(new[] { 1, size[0], size[1], 1 }), false, false);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(expected, runner.Get<float>(Output));
        }
    }

    public static TheoryData<string, int[], int[], bool, bool> Cases()
    {
        var data = new TheoryData<string, int[], int[], bool, bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            string name = (string)implementation[0];
            data.Add(name, new[] { 2, 2, 3, 3 }, new[] { 4, 6 }, false, false);
            data.Add(name, new[] { 1, 2, 2, 2 }, new[] { 4, 4 }, false, true);
            data.Add(name, new[] { 1, 4, 4, 1 }, new[] { 2, 2 }, false, false);
            data.Add(name, new[] { 1, 4, 4, 2 }, new[] { 2, 8 }, false, true);
            data.Add(name, new[] { 1, 3, 3, 2 }, new[] { 5, 5 }, true, false);
            data.Add(name, new[] { 2, 3, 3, 1 }, new[] { 5, 1 }, true, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllTypesCopyTheNearestPixel(string implementation, int[] inShape, int[] size, bool alignCorners, bool halfPixelCenters)
    {
        int count = inShape[0] * inShape[1] * inShape[2] * inShape[3];
        int[] outShape = { inShape[0], size[0], size[1], inShape[3] };
        Random random = new Random(count + size[0]);
        float[] floats = new float[count];
        sbyte[] bytes = new sbyte[count];
        short[] shorts = new short[count];
        for (int i = 0; i < count; i++)
        {
            floats[i] = (float)(random.NextDouble() * 200 - 100);
            bytes[i] = (sbyte)random.Next(-128, 128);
            shorts[i] = (short)random.Next(-32768, 32768);
        }
        bytes[0] = sbyte.MinValue;
        shorts[0] = short.MaxValue;

        using (KernelRunner runner = Runner(implementation, TestTensor.Float(inShape, floats), size, TestTensor.Float(outShape),
            alignCorners, halfPixelCenters))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Sample(floats, inShape, size, alignCorners, halfPixelCenters), runner.Get<float>(Output));
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(inShape, bytes, 0.5f, -3), size,
            TestTensor.Int8(outShape, null, 0.5f, -3), alignCorners, halfPixelCenters))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Sample(bytes, inShape, size, alignCorners, halfPixelCenters), runner.Get<sbyte>(Output));
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(inShape, shorts, 0.5f, 0), size,
            TestTensor.Int16(outShape, null, 0.5f, 0), alignCorners, halfPixelCenters))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Sample(shorts, inShape, size, alignCorners, halfPixelCenters), runner.Get<short>(Output));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AlignCornersRoundsHalfwayPositionsUp(string implementation)
    {
        // 3 → 5 with align_corners: positions 0, 0.5, 1, 1.5, 2 → pixels 0, 1, 1, 2, 2 (round half away from zero).
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 1, 1, 3, 1 }, new sbyte[] { 10, 20, 30 }, 1f, 0),
            new[] { 1, 5 }, TestTensor.Int8(new[] { 1, 1, 5, 1 }, null, 1f, 0), true, false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { 10, 20, 20, 30, 30 }, runner.Get<sbyte>(Output));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInvalidModels(string implementation)
    {
        using (KernelRunner wrongOutput = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Float(new[] { 1, 4, 4, 2 }), false, false))
        {
            Assert.NotEqual(Status.Ok, wrongOutput.InitAndPrepare());
            Assert.Contains("output tensor 2 must have shape [1, 4, 4, 1]", wrongOutput.Errors.MessageText);
        }
        using (KernelRunner typeMismatch = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 4, 4 },
            TestTensor.Int8(new[] { 1, 4, 4, 1 }, null, 1f, 0), false, false))
        {
            Assert.NotEqual(Status.Ok, typeMismatch.InitAndPrepare());
            Assert.Contains("output tensor 2 has type INT8, expected FLOAT32", typeMismatch.Errors.MessageText);
        }
        using (KernelRunner zeroSize = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 1 }), new[] { 0, 4 },
            TestTensor.Float(new[] { 1, 0, 4, 1 }), false, false))
        {
            Assert.NotEqual(Status.Ok, zeroSize.InitAndPrepare());
            Assert.Contains("sizes must be positive", zeroSize.Errors.MessageText);
        }
    }
}
