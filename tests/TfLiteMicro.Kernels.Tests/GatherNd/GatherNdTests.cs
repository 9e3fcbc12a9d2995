using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.GatherNd;

/// <summary>GATHER_ND. Expectation: output (i, t) = params at (indices row i, t).</summary>
public class GatherNdTests
{
    private static float[] Expected(float[] input, int[] shape, int[] indices, int[] indexShape, out int[] outShape)
    {
        int depth = indexShape[indexShape.Length - 1];
        outShape = new int[indexShape.Length - 1 + shape.Length - depth];
        int e = 0;
        for (int i = 0; i < indexShape.Length - 1; i++) outShape[e++] = indexShape[i];
        for (int i = depth; i < shape.Length; i++) outShape[e++] = shape[i];
        float[] result = new float[ShapeOpHarness.Count(outShape)];
        int tail = shape.Length - depth;
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            int row = 0;
            for (int i = 0; i < indexShape.Length - 1; i++) row = row * indexShape[i] + c[i];
            int[] ic = new int[shape.Length];
            for (int j = 0; j < depth; j++) ic[j] = indices[row * depth + j];
            for (int j = 0; j < tail; j++) ic[depth + j] = c[indexShape.Length - 1 + j];
            result[k] = input[ShapeOpHarness.Flat(shape, ic)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatElementsSlicesAndBatchedIndices(string implementation)
    {
        int[] shape = { 4, 3, 2 };
        float[] data = ShapeOpHarness.Iota(24, 1);
        (int[] indexShape, int[] indices)[] cases =
        {
            (new[] { 5, 3 }, new[] { 0, 0, 0, 3, 2, 1, 1, 1, 0, 2, 0, 1, 3, 0, 0 }),
            (new[] { 2, 1 }, new[] { 3, 1 }),
            (new[] { 2, 2, 2 }, new[] { 0, 2, 3, 0, 1, 1, 2, 2 }),
            (new[] { 2 }, new[] { 1, 2 }),
        };
        foreach ((int[] indexShape, int[] indices) in cases)
        {
            float[] expected = Expected(data, shape, indices, indexShape, out int[] outShape);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER_ND,
                new[] { TestTensor.Float(shape, data), TestTensor.Int32(indexShape, indices) }, new[] { TestTensor.Float(outShape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(expected, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndErrors(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER_ND,
            new[] { TestTensor.Int8(new[] { 2, 2 }, new sbyte[] { -128, 1, 2, 127 }, 0.1f, 0), TestTensor.Int32(new[] { 2, 2 }, new[] { 1, 1, 0, 0 }) },
            new[] { TestTensor.Int8(new[] { 2 }, null, 0.1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 127, -128 }, runner.Get<sbyte>(2));
            runner.SetData(1, new[] { 2, 0, 0, 0 });
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("index 2 is outside dimension 0 of size 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER_ND,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Int32(new[] { 1, 3 }, new int[3]) }, new[] { TestTensor.Float(new[] { 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("rows have 3 entries", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.GATHER_ND,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Int32(new[] { 3, 1 }, new int[3]) }, new[] { TestTensor.Float(new[] { 3, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [3, 1], expected [3, 2]", runner.Errors.MessageText);
        }
    }
}
