using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.SpaceToBatchND;

/// <summary>
/// SPACE_TO_BATCH_ND (and its inverse). Expectation from TensorFlow's definition: output batch (sh·bw + sw)·N + n,
/// position (oh, ow) holds the zero-padded input at (n, oh·bh + sh, ow·bw + sw); 3D tensors are width 1.
/// </summary>
public class SpaceToBatchNDTests
{
    internal static float[] Expected(float[] input, int[] shape, int bh, int bw, int top, int bottom, int left, int right)
    {
        int n = shape[0], h = shape[1], w = shape.Length == 4 ? shape[2] : 1, c = shape[shape.Length - 1];
        int oh = (h + top + bottom) / bh, ow = (w + left + right) / bw;
        float[] result = new float[n * bh * bw * oh * ow * c];
        int index = 0;
        for (int ob = 0; ob < n * bh * bw; ob++)
        {
            int b = ob % n, tile = ob / n, sh = tile / bw, sw = tile % bw;
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++)
                    for (int ch = 0; ch < c; ch++)
                    {
                        int iy = y * bh + sh - top, ix = x * bw + sw - left;
                        result[index++] = iy < 0 || iy >= h || ix < 0 || ix >= w ? 0f : input[((b * h + iy) * w + ix) * c + ch];
                    }
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Float4DWithAndWithoutPaddingAnd3D(string implementation)
    {
        (int[] shape, int[] block, int[] pads, int[] outShape)[] cases =
        {
            (new[] { 1, 4, 4, 1 }, new[] { 2, 2 }, new[] { 0, 0, 0, 0 }, new[] { 4, 2, 2, 1 }),
            (new[] { 2, 3, 4, 2 }, new[] { 2, 2 }, new[] { 1, 0, 1, 1 }, new[] { 8, 2, 3, 2 }),
            (new[] { 1, 5, 2, 1 }, new[] { 3, 1 }, new[] { 1, 0, 0, 0 }, new[] { 3, 2, 2, 1 }),
            (new[] { 2, 5, 3 }, new[] { 2 }, new[] { 1, 0 }, new[] { 4, 3, 3 }),
        };
        foreach ((int[] shape, int[] block, int[] pads, int[] outShape) in cases)
        {
            float[] data = ShapeOpHarness.Iota(ShapeOpHarness.Count(shape), 1);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_BATCH_ND,
                new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt32(block),
                    TestTensor.Int32(new[] { block.Length, 2 }, pads, isConstant: true) },
                new[] { TestTensor.Float(outShape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            bool fourD = shape.Length == 4;
            Assert.Equal(Expected(data, shape, block[0], fourD ? block[1] : 1, pads[0], pads[1], fourD ? pads[2] : 0, fourD ? pads[3] : 0),
                runner.Get<float>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PadsWithZeroBytesNotTheZeroPoint(string implementation)
    {
        using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_BATCH_ND,
            new[] { TestTensor.Int8(new[] { 1, 1, 2, 1 }, new sbyte[] { -128, 127 }, 0.1f, -5), ShapeOpHarness.ConstInt32(2, 2),
                TestTensor.Int32(new[] { 2, 2 }, new[] { 1, 0, 0, 0 }, isConstant: true) },
            new[] { TestTensor.Int8(new[] { 4, 1, 1, 1 }, null, 0.1f, -5) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // Batches are tiles (0,0), (0,1), (1,0), (1,1); the top row of the padded 2x2 is padding.
        Assert.Equal(new sbyte[] { 0, 0, -128, 127 }, runner.Get<sbyte>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongOutputShapeIndivisiblePaddingAndRank(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_BATCH_ND,
            new[] { TestTensor.Float(new[] { 1, 4, 4, 1 }), ShapeOpHarness.ConstInt32(2, 2), TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Float(new[] { 2, 2, 4, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 3 has shape [2, 2, 4, 1], expected [4, 2, 2, 1]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_BATCH_ND,
            new[] { TestTensor.Float(new[] { 1, 3, 4, 1 }), ShapeOpHarness.ConstInt32(2, 2), TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Float(new[] { 4, 1, 2, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("does not divide padded dimension 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_BATCH_ND,
            new[] { TestTensor.Float(new[] { 4, 4 }), ShapeOpHarness.ConstInt32(2), TestTensor.Int32(new[] { 1, 2 }, new int[2], isConstant: true) },
            new[] { TestTensor.Float(new[] { 8, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("rank must be 3 to 4", runner.Errors.MessageText);
        }
    }
}
