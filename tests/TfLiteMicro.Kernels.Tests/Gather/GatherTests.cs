using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Gather;

/// <summary>
/// GATHER. Expectation: output coordinates (params[:axis], positions[batch_dims:], params[axis+1:]) read params at
/// (those leading coordinates, positions[batch coords + position coords], the trailing ones).
/// </summary>
public class GatherTests
{
    private static FbTable Options(int axis, int batchDims) => new FbTable().Scalar(0, axis).Scalar(1, batchDims);

    private static float[] Expected(float[] input, int[] shape, int[] positions, int[] posShape, int axis, int batchDims, out int[] outShape)
    {
        int posRank = posShape.Length - batchDims;
        outShape = new int[shape.Length + posRank - 1];
        int e = 0;
        for (int i = 0; i < axis; i++) outShape[e++] = shape[i];
        for (int i = batchDims; i < posShape.Length; i++) outShape[e++] = posShape[i];
        for (int i = axis + 1; i < shape.Length; i++) outShape[e++] = shape[i];
        float[] result = new float[ShapeOpHarness.Count(outShape)];
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            int[] pc = new int[posShape.Length];
            for (int i = 0; i < batchDims; i++) pc[i] = c[i];
            for (int i = 0; i < posRank; i++) pc[batchDims + i] = c[axis + i];
            int[] ic = new int[shape.Length];
            for (int i = 0; i < axis; i++) ic[i] = c[i];
            ic[axis] = positions[ShapeOpHarness.Flat(posShape, pc)];
            for (int i = axis + 1; i < shape.Length; i++) ic[i] = c[i - 1 + posRank];
            result[k] = input[ShapeOpHarness.Flat(shape, ic)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAxesIndexRanksAndBatchDims(string implementation)
    {
        (int[] shape, int[] posShape, int[] positions, int axis, int batchDims)[] cases =
        {
            (new[] { 5, 4 }, new[] { 3 }, new[] { 4, 0, 4 }, 0, 0),
            (new[] { 2, 5, 3 }, new[] { 2, 4 }, new[] { 0, 4, 1, 1, 3, 2, 0, 4 }, 1, 0),
            (new[] { 2, 5, 3 }, new[] { 2 }, new[] { 2, 0 }, -1, 0),
            (new[] { 2, 5, 3 }, new[] { 2, 3 }, new[] { 0, 4, 1, 3, 3, 2 }, 1, 1),
            (new[] { 3 }, Array.Empty<int>(), new[] { 2 }, 0, 0),
        };
        foreach ((int[] shape, int[] posShape, int[] positions, int axisOption, int batchDims) in cases)
        {
            int axis = axisOption < 0 ? axisOption + shape.Length : axisOption;
            float[] data = ShapeOpHarness.Iota(ShapeOpHarness.Count(shape), 1);
            float[] expected = Expected(data, shape, positions, posShape, axis, batchDims, out int[] outShape);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
                new[] { TestTensor.Float(shape, data), TestTensor.Int32(posShape, positions) }, new[] { TestTensor.Float(outShape) },
                BuiltinOptions.GatherOptions, Options(axisOption, batchDims));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(expected, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndInt32ParamsWithInt64Positions(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Int8(new[] { 3 }, new sbyte[] { -128, 0, 127 }, 0.1f, 2), TestTensor.Int64(new[] { 4 }, new long[] { 2, 2, 0, 1 }) },
            new[] { TestTensor.Int8(new[] { 4 }, null, 0.1f, 2) }, BuiltinOptions.GatherOptions, Options(0, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 127, 127, -128, 0 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Int32(new[] { 2, 2 }, new[] { 1, 2, 3, 4 }), TestTensor.Int32(new[] { 1 }, new[] { 1 }) },
            new[] { TestTensor.Int32(new[] { 2, 1 }, null) }, BuiltinOptions.GatherOptions, Options(1, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 2, 4 }, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsOutOfRangePositionsBadOptionsAndShapes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Int32(new[] { 1 }, new[] { 3 }) }, new[] { TestTensor.Float(new[] { 1 }) },
            BuiltinOptions.GatherOptions, Options(0, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("position 3 is outside [0, 3)", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Int32(new[] { 1 }, new[] { 0 }) }, new[] { TestTensor.Float(new[] { 1 }) },
            BuiltinOptions.GatherOptions, Options(1, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis 1 and batch_dims 0 are invalid", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Float(new[] { 3, 2 }), TestTensor.Int32(new[] { 4 }, new int[4]) }, new[] { TestTensor.Float(new[] { 4, 3 }) },
            BuiltinOptions.GatherOptions, Options(0, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [4, 3], expected [4, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER,
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Float(new[] { 1 }) }, new[] { TestTensor.Float(new[] { 1 }) },
            BuiltinOptions.GatherOptions, Options(0, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type FLOAT32 of positions tensor 1 is not supported", runner.Errors.MessageText);
        }
    }
}
