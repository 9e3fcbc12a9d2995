using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.DynamicUpdateSlice;

/// <summary>
/// DYNAMIC_UPDATE_SLICE. Expectation: starts clamped to [0, operand - update]; inside the box output = update at
/// (c - start), elsewhere the operand.
/// </summary>
public class DynamicUpdateSliceTests
{
    private static float[] Expected(float[] operand, int[] shape, float[] update, int[] updateShape, long[] starts)
    {
        int[] s = new int[shape.Length];
        for (int d = 0; d < shape.Length; d++) s[d] = (int)Math.Clamp(starts[d], 0, shape[d] - updateShape[d]);
        float[] result = (float[])operand.Clone();
        for (int k = 0; k < update.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(updateShape, k);
            for (int d = 0; d < c.Length; d++) c[d] += s[d];
            result[ShapeOpHarness.Flat(shape, c)] = update[k];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatWithClampedInt32AndInt64Starts(string implementation)
    {
        int[] shape = { 4, 5 };
        int[] updateShape = { 2, 3 };
        float[] operand = ShapeOpHarness.Iota(20, 1);
        float[] update = ShapeOpHarness.Iota(6, 100);
        foreach (long[] starts in new[] { new long[] { 1, 1 }, new long[] { -1, 4 }, new long[] { 3, -7 }, new long[] { 0, 0 } })
        {
            using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
                new[] { TestTensor.Float(shape, operand), TestTensor.Float(updateShape, update),
                    TestTensor.Int32(new[] { 2 }, new[] { (int)starts[0], (int)starts[1] }) },
                new[] { TestTensor.Float(shape) }))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(Expected(operand, shape, update, updateShape, starts), runner.Get<float>(3));
            }
            using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
                new[] { TestTensor.Float(shape, operand), TestTensor.Float(updateShape, update), TestTensor.Int64(new[] { 2 }, starts) },
                new[] { TestTensor.Float(shape) }))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(Expected(operand, shape, update, updateShape, starts), runner.Get<float>(3));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8FullReplacementAnd3DInt32(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
            new[] { TestTensor.Int8(new[] { 2 }, new sbyte[] { 1, 2 }, 0.1f, 0), TestTensor.Int8(new[] { 2 }, new sbyte[] { -128, 127 }, 0.1f, 0),
                TestTensor.Int32(new[] { 1 }, new[] { 5 }) },
            new[] { TestTensor.Int8(new[] { 2 }, null, 0.1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 127 }, runner.Get<sbyte>(3));
        }
        int[] operand = new int[12];
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
            new[] { TestTensor.Int32(new[] { 3, 2, 2 }, operand), TestTensor.Int32(new[] { 1, 2, 1 }, new[] { 7, 8 }),
                TestTensor.Int32(new[] { 3 }, new[] { 2, 0, 1 }) },
            new[] { TestTensor.Int32(new[] { 3, 2, 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8 }, runner.Get<int>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsOversizedUpdateWrongIndicesAndOutput(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Float(new[] { 3, 1 }), TestTensor.Int32(new[] { 2 }, null) },
            new[] { TestTensor.Float(new[] { 2, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("update tensor 1 [3, 1] does not fit in operand tensor 0 [2, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Float(new[] { 1, 1 }), TestTensor.Int32(new[] { 3 }, null) },
            new[] { TestTensor.Float(new[] { 2, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("start_indices tensor 2 has shape [3], expected [2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.DYNAMIC_UPDATE_SLICE,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Float(new[] { 1, 1 }), TestTensor.Int32(new[] { 2 }, null) },
            new[] { TestTensor.Float(new[] { 4 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 3 has shape [4], expected [2, 2]", runner.Errors.MessageText);
        }
    }
}
