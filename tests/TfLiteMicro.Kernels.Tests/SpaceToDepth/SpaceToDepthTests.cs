using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.SpaceToDepth;

/// <summary>
/// SPACE_TO_DEPTH. Expectation from TensorFlow's definition: output (b, y, x, (dy·bs + dx)·C + c) = input
/// (b, y·bs + dy, x·bs + dx, c).
/// </summary>
public class SpaceToDepthTests
{
    internal static float[] Expected(float[] input, int[] shape, int bs)
    {
        int n = shape[0], h = shape[1], w = shape[2], c = shape[3];
        int[] outShape = { n, h / bs, w / bs, c * bs * bs };
        float[] result = new float[input.Length];
        for (int k = 0; k < result.Length; k++)
        {
            int[] o = ShapeOpHarness.Coordinates(outShape, k);
            int block = o[3] / c, ch = o[3] % c;
            result[k] = input[ShapeOpHarness.Flat(shape, new[] { o[0], o[1] * bs + block / bs, o[2] * bs + block % bs, ch })];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAndInt8ForSeveralBlockSizes(string implementation)
    {
        foreach ((int[] shape, int bs) in new[] { (new[] { 1, 4, 6, 2 }, 2), (new[] { 2, 3, 6, 1 }, 3), (new[] { 1, 2, 2, 3 }, 1) })
        {
            float[] data = ShapeOpHarness.Iota(ShapeOpHarness.Count(shape), 1);
            int[] outShape = { shape[0], shape[1] / bs, shape[2] / bs, shape[3] * bs * bs };
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_DEPTH, TestTensor.Float(shape, data),
                TestTensor.Float(outShape), BuiltinOptions.SpaceToDepthOptions, new FbTable().Scalar(0, bs));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data, shape, bs), runner.Get<float>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_DEPTH,
            TestTensor.Int8(new[] { 1, 2, 2, 1 }, new sbyte[] { -128, 1, 2, 127 }, 0.1f, 0), TestTensor.Int8(new[] { 1, 1, 1, 4 }, null, 0.1f, 0),
            BuiltinOptions.SpaceToDepthOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 1, 2, 127 }, runner.Get<sbyte>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsIndivisibleSpaceBadBlockAndShape(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_DEPTH, TestTensor.Float(new[] { 1, 3, 4, 1 }),
            TestTensor.Float(new[] { 1, 1, 2, 4 }), BuiltinOptions.SpaceToDepthOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("must be multiples of block_size 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_DEPTH, TestTensor.Float(new[] { 1, 2, 2, 1 }),
            TestTensor.Float(new[] { 1, 1, 1, 4 }), BuiltinOptions.SpaceToDepthOptions, new FbTable().Scalar(0, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("block_size 0 must be at least 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPACE_TO_DEPTH, TestTensor.Float(new[] { 1, 2, 2, 1 }),
            TestTensor.Float(new[] { 1, 1, 4, 1 }), BuiltinOptions.SpaceToDepthOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has shape [1, 1, 4, 1], expected [1, 1, 1, 4]", runner.Errors.MessageText);
        }
    }
}
