using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ReverseV2;

/// <summary>REVERSE_V2. Expectation: output at c equals input at c with c[d] replaced by dim[d]-1-c[d] on reversed axes.</summary>
public class ReverseV2Tests
{
    private static float[] Expected(float[] input, int[] shape, int[] axes)
    {
        bool[] reversed = new bool[shape.Length];
        foreach (int a in axes) reversed[a < 0 ? a + shape.Length : a] = true;
        float[] result = new float[input.Length];
        for (int k = 0; k < input.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(shape, k);
            for (int d = 0; d < shape.Length; d++) if (reversed[d]) c[d] = shape[d] - 1 - c[d];
            result[k] = input[ShapeOpHarness.Flat(shape, c)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAnyAxisSetIncludingNonContiguous(string implementation)
    {
        int[] shape = { 2, 3, 4 };
        float[] data = ShapeOpHarness.Iota(24);
        int[][] axisSets = { new[] { 0 }, new[] { 1 }, new[] { -1 }, new[] { 1, 2 }, new[] { 2, 0 }, new[] { 0, 1, 2 }, Array.Empty<int>() };
        foreach (int[] axes in axisSets)
        {
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
                new[] { TestTensor.Float(shape, data), TestTensor.Int32(new[] { axes.Length }, axes, isConstant: true) },
                new[] { TestTensor.Float(shape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data, shape, axes), runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Int16Int64AndBool(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Int8(new[] { 3 }, new sbyte[] { -128, 0, 127 }, 0.1f, 2), ShapeOpHarness.ConstInt32(0) },
            new[] { TestTensor.Int8(new[] { 3 }, null, 0.1f, 2) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 127, 0, -128 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Int16(new[] { 2, 2 }, new short[] { 1, 2, 3, 4 }, 1f, 0), ShapeOpHarness.ConstInt32(-2) },
            new[] { TestTensor.Int16(new[] { 2, 2 }, null, 1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 3, 4, 1, 2 }, runner.Get<short>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Int64(new[] { 2 }, new[] { long.MinValue, 5L }), ShapeOpHarness.ConstInt32(0) },
            new[] { TestTensor.Int64(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 5L, long.MinValue }, runner.Get<long>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { ShapeOpHarness.Bool(new[] { 3 }, new[] { true, false, false }), ShapeOpHarness.ConstInt32(0) },
            new[] { ShapeOpHarness.Bool(new[] { 3 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new byte[] { 0, 0, 1 }, runner.Get<byte>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadAxesAtPrepareOrAtInvokeWhenTheyAreInputs(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Float(new[] { 2, 2 }), ShapeOpHarness.ConstInt32(1, -1) }, new[] { TestTensor.Float(new[] { 2, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis -1 is listed twice", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Float(new[] { 2, 2 }), TestTensor.Int32(new[] { 1 }, new[] { 2 }) }, new[] { TestTensor.Float(new[] { 2, 2 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("axis 2 is outside the input's 2 dimensions", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Float(new[] { 2, 2 }), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Float(new[] { 4 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [4], expected [2, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.REVERSE_V2,
            new[] { TestTensor.Float(new[] { 2 }), ShapeOpHarness.ConstInt64(0) }, new[] { TestTensor.Float(new[] { 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis tensor 1 has type INT64, expected INT32", runner.Errors.MessageText);
        }
    }
}
