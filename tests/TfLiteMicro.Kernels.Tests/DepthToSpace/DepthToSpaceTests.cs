using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.DepthToSpace;

/// <summary>DEPTH_TO_SPACE. Expectation: it inverts the SPACE_TO_DEPTH definition used in SpaceToDepthTests.</summary>
public class DepthToSpaceTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void UndoesSpaceToDepth(string implementation)
    {
        foreach ((int[] shape, int bs) in new[] { (new[] { 1, 4, 6, 2 }, 2), (new[] { 2, 3, 6, 1 }, 3) })
        {
            float[] original = ShapeOpHarness.Iota(ShapeOpHarness.Count(shape), 1);
            float[] deep = SpaceToDepth.SpaceToDepthTests.Expected(original, shape, bs);
            int[] deepShape = { shape[0], shape[1] / bs, shape[2] / bs, shape[3] * bs * bs };
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DEPTH_TO_SPACE, TestTensor.Float(deepShape, deep),
                TestTensor.Float(shape), BuiltinOptions.DepthToSpaceOptions, new FbTable().Scalar(0, bs));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(original, runner.Get<float>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndErrors(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DEPTH_TO_SPACE,
            TestTensor.Int8(new[] { 1, 1, 1, 4 }, new sbyte[] { -128, 1, 2, 127 }, 0.1f, 0), TestTensor.Int8(new[] { 1, 2, 2, 1 }, null, 0.1f, 0),
            BuiltinOptions.DepthToSpaceOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 1, 2, 127 }, runner.Get<sbyte>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DEPTH_TO_SPACE, TestTensor.Float(new[] { 1, 1, 1, 6 }),
            TestTensor.Float(new[] { 1, 2, 2, 1 }), BuiltinOptions.DepthToSpaceOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("has 6 channels, not a multiple of block_size² = 4", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DEPTH_TO_SPACE, TestTensor.Float(new[] { 1, 4 }),
            TestTensor.Float(new[] { 2, 2 }), BuiltinOptions.DepthToSpaceOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("input tensor 0 has shape [1, 4], expected rank 4", runner.Errors.MessageText);
        }
    }
}
