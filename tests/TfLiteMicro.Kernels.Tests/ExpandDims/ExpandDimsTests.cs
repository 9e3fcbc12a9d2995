using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ExpandDims;

/// <summary>EXPAND_DIMS. Expectation: data unchanged, output shape = input shape with a 1 inserted at the axis.</summary>
public class ExpandDimsTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void InsertsAtEveryPositionForSeveralTypes(string implementation)
    {
        float[] data = ShapeOpHarness.Iota(6, -2);
        foreach ((int axis, int[] outShape) in new[] { (0, new[] { 1, 2, 3 }), (1, new[] { 2, 1, 3 }), (2, new[] { 2, 3, 1 }),
            (-1, new[] { 2, 3, 1 }), (-3, new[] { 1, 2, 3 }) })
        {
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
                new[] { TestTensor.Float(new[] { 2, 3 }, data), ShapeOpHarness.ConstInt32(axis) }, new[] { TestTensor.Float(outShape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(data, runner.Get<float>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
            new[] { TestTensor.Int8(new[] { 2 }, new sbyte[] { -128, 127 }, 0.1f, 3), ShapeOpHarness.ConstInt64(0) },
            new[] { TestTensor.Int8(new[] { 1, 2 }, null, 0.1f, 3) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 127 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
            new[] { TestTensor.Int32(new[] { 2 }, new[] { int.MinValue, int.MaxValue }), ShapeOpHarness.ConstInt32(1) },
            new[] { TestTensor.Int32(new[] { 2, 1 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { int.MinValue, int.MaxValue }, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsRuntimeAxisOutOfRangeAxisAndWrongShape(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Int32(new[] { 1 }, new[] { 0 }) }, new[] { TestTensor.Float(new[] { 1, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis tensor 1 is not constant", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
            new[] { TestTensor.Float(new[] { 2 }), ShapeOpHarness.ConstInt32(2) }, new[] { TestTensor.Float(new[] { 2, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis 2 is outside the output's 2 dimensions", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EXPAND_DIMS,
            new[] { TestTensor.Float(new[] { 2 }), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Float(new[] { 2, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2, 1], expected [1, 2]", runner.Errors.MessageText);
        }
    }
}
