using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ArgMinMax;

/// <summary>ARG_MAX / ARG_MIN. Expectation: first index of the largest/smallest value along the axis.</summary>
public class ArgMinMaxTests
{
    private static int[] Expected(float[] input, int[] shape, int axis, bool isMax, out int[] outShape)
    {
        outShape = new int[shape.Length - 1];
        for (int d = 0, e = 0; d < shape.Length; d++) if (d != axis) outShape[e++] = shape[d];
        int[] result = new int[ShapeOpHarness.Count(outShape)];
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            int[] ic = new int[shape.Length];
            for (int d = 0, e = 0; d < shape.Length; d++) ic[d] = d == axis ? 0 : c[e++];
            int best = 0;
            for (int j = 1; j < shape[axis]; j++)
            {
                ic[axis] = j;
                float value = input[ShapeOpHarness.Flat(shape, ic)];
                ic[axis] = best;
                float current = input[ShapeOpHarness.Flat(shape, ic)];
                if (isMax ? value > current : value < current) best = j;
            }
            result[k] = best;
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatEveryAxisWithTies(string implementation)
    {
        int[] shape = { 2, 3, 5 };
        float[] data = new float[30];
        for (int i = 0; i < 30; i++) data[i] = (i * 7 % 5) - (i % 3) * 0.5f;
        foreach (bool isMax in new[] { true, false })
        {
            foreach (int axisValue in new[] { 0, 1, 2, -1 })
            {
                int axis = axisValue < 0 ? axisValue + 3 : axisValue;
                int[] expected = Expected(data, shape, axis, isMax, out int[] outShape);
                using KernelRunner runner = ShapeOpHarness.Runner(implementation, isMax ? BuiltinOperator.ARG_MAX : BuiltinOperator.ARG_MIN,
                    new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt32(axisValue) }, new[] { TestTensor.Int32(outShape, null) });
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(expected, runner.Get<int>(2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ComparesRawValuesAndInt64Output(string implementation)
    {
        // Rows [-128, 127, 127] and [0, -128, -5]: ties keep the first index.
        sbyte[] data = { -128, 127, 127, 0, -128, -5 };
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MAX,
            new[] { TestTensor.Int8(new[] { 2, 3 }, data, 0.1f, -3), ShapeOpHarness.ConstInt32(1) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 1, 0 }, runner.Get<int>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MIN,
            new[] { TestTensor.Int8(new[] { 2, 3 }, data, 0.1f, -3), ShapeOpHarness.ConstInt64(0) }, new[] { TestTensor.Int64(new[] { 3 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 0L, 1L, 1L }, runner.Get<long>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadAxisOutputShapeAndTypes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MAX,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(2) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis 2 is outside the input's 2 dimensions", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MIN,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2], expected [3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MAX,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Float(new[] { 3 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type FLOAT32 of output tensor 2 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ARG_MAX,
            new[] { TestTensor.Float(new[] { 2, 3 }), TestTensor.Int32(new[] { 1 }, new[] { 5 }) }, new[] { TestTensor.Int32(new[] { 3 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("axis 5 is outside", runner.Errors.MessageText);
        }
    }
}
