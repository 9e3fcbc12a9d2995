using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.StridedSlice;

/// <summary>STRIDED_SLICE. Cases and results follow Python slicing (x[begin:end:stride]) and TFLM's strided_slice_test.cc.</summary>
public class StridedSliceTests
{
    private static readonly float[] OneToFour = { 1, 2, 3, 4 };

    private static KernelRunner Runner(string implementation, TestTensor input, int[] begin, int[] end, int[] strides, TestTensor output,
        int beginMask = 0, int endMask = 0, int shrinkMask = 0, bool offset = false, int ellipsisMask = 0)
    {
        int rank = begin.Length;
        return new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.STRIDED_SLICE),
            new[]
            {
                input,
                TestTensor.Int32(new[] { rank }, begin, isConstant: true),
                TestTensor.Int32(new[] { rank }, end, isConstant: true),
                TestTensor.Int32(new[] { rank }, strides, isConstant: true),
                output,
            },
            new[] { 0, 1, 2, 3 }, new[] { 4 }, BuiltinOperator.STRIDED_SLICE, (byte)BuiltinOptions.StridedSliceOptions,
            new FbTable().Scalar(0, beginMask).Scalar(1, endMask).Scalar(2, ellipsisMask).Scalar(4, shrinkMask).Scalar(5, offset));
    }

    private static float[] Slice1D(string implementation, int begin, int end, int stride, int outputLength, int beginMask = 0, int endMask = 0)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }, OneToFour), new[] { begin }, new[] { end }, new[] { stride },
            TestTensor.Float(new[] { outputLength }), beginMask, endMask);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<float>(4);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OneDimensionalBoundsAndMasks(string implementation)
    {
        Assert.Equal(new float[] { 2, 3 }, Slice1D(implementation, 1, 3, 1, 2));        // x[1:3]
        Assert.Equal(new float[] { 2, 3 }, Slice1D(implementation, -3, 3, 1, 2));       // x[-3:3]
        Assert.Equal(new float[] { 1, 2, 3 }, Slice1D(implementation, -5, 3, 1, 3));    // x[-5:3], begin clamped
        Assert.Equal(new float[] { 2 }, Slice1D(implementation, 1, -2, 1, 1));          // x[1:-2]
        Assert.Equal(new float[] { 2, 3, 4 }, Slice1D(implementation, -3, 5, 1, 3));    // x[-3:5], end clamped
        Assert.Equal(new float[] { 1, 2, 3 }, Slice1D(implementation, 1, 3, 1, 3, beginMask: 1)); // x[:3]
        Assert.Equal(new float[] { 2, 3, 4 }, Slice1D(implementation, 1, 3, 1, 3, endMask: 1));   // x[1:]
        Assert.Equal(new float[] { 3 }, Slice1D(implementation, -2, -3, -1, 1));        // x[-2:-3:-1]
        Assert.Equal(new float[] { 4, 3, 2 }, Slice1D(implementation, -1, -4, -1, 3));  // x[-1:-4:-1]
        Assert.Equal(new float[] { 4, 2 }, Slice1D(implementation, 3, 0, -2, 2));       // x[3:0:-2]
        Assert.Equal(new float[] { 1, 3 }, Slice1D(implementation, 0, 4, 2, 2));        // x[0:4:2]
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ShrinkAxisAndOffset(string implementation)
    {
        float[] twoByThree = { 1, 2, 3, 4, 5, 6 };
        // x[1, 0:3] → [4, 5, 6]
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, twoByThree), new[] { 1, 0 }, new[] { 2, 3 }, new[] { 1, 1 },
            TestTensor.Float(new[] { 3 }), shrinkMask: 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[] { 4, 5, 6 }, runner.Get<float>(4));
        }
        // x[-1, -1] → 6 as a scalar
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, twoByThree), new[] { -1, -1 }, new[] { 0, 0 }, new[] { 1, 1 },
            TestTensor.Float(Array.Empty<int>()), shrinkMask: 3))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[] { 6 }, runner.Get<float>(4));
        }
        // offset: end is relative to begin, x[0:0+1, 1:1+2] → [[2, 3]]
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }, twoByThree), new[] { 0, 1 }, new[] { 1, 2 }, new[] { 1, 1 },
            TestTensor.Float(new[] { 1, 2 }), offset: true))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[] { 2, 3 }, runner.Get<float>(4));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16FourDimensionalLikeSeanet(string implementation)
    {
        // x[:, 1:3, :, :] of a [1, 3, 4, 2] tensor: the last two of the three rows.
        short[] input = new short[24];
        for (int i = 0; i < 24; i++) input[i] = (short)(i * 100 - 1200);
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 1, 3, 4, 2 }, input, 0.01f, 0),
            new[] { 0, 1, 0, 0 }, new[] { 1, 3, 4, 2 }, new[] { 1, 1, 1, 1 }, TestTensor.Int16(new[] { 1, 2, 4, 2 }, null, 0.01f, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(input[8..], runner.Get<short>(4));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ThreeDimensionalWithNegativeStrides(string implementation)
    {
        // x[::-1, 1:, ::2] on a 2x3x4 int32 ramp, written out index by index.
        int[] input = new int[24];
        for (int i = 0; i < 24; i++) input[i] = i;
        int[] expected = new int[2 * 2 * 2];
        int k = 0;
        for (int a = 1; a >= 0; a--)
            for (int b = 1; b < 3; b++)
                for (int c = 0; c < 4; c += 2)
                    expected[k++] = input[(a * 3 + b) * 4 + c];
        using KernelRunner runner = Runner(implementation, TestTensor.Int32(new[] { 2, 3, 4 }, input),
            new[] { 0, 1, 0 }, new[] { 0, 0, 0 }, new[] { -1, 1, 2 }, TestTensor.Int32(new[] { 2, 2, 2 }, null), beginMask: 5, endMask: 7);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(expected, runner.Get<int>(4));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongOutputShapesZeroStridesAndEllipsis(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }, OneToFour), new[] { 1 }, new[] { 3 }, new[] { 1 }, TestTensor.Float(new[] { 3 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("dimension 0 should be 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }, OneToFour), new[] { 1 }, new[] { 3 }, new[] { 0 }, TestTensor.Float(new[] { 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("stride of dimension 0 is zero", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }, OneToFour), new[] { 1 }, new[] { 3 }, new[] { 1 }, TestTensor.Float(new[] { 2 }), ellipsisMask: 1))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("are not supported", runner.Errors.MessageText);
        }
    }
}
