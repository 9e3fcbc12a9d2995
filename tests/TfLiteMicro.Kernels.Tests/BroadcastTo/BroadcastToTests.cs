using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.BroadcastTo;

/// <summary>BROADCAST_TO. Expectation: output at c equals input at c (right-aligned) with size-1 input dimensions at 0.</summary>
public class BroadcastToTests
{
    private static float[] Expected(float[] input, int[] inShape, int[] outShape)
    {
        float[] result = new float[ShapeOpHarness.Count(outShape)];
        int extra = outShape.Length - inShape.Length;
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            int[] ic = new int[inShape.Length];
            for (int d = 0; d < inShape.Length; d++) ic[d] = inShape[d] == 1 ? 0 : c[extra + d];
            result[k] = input[ShapeOpHarness.Flat(inShape, ic)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatWithRankExtensionAndInnerAndOuterRepeats(string implementation)
    {
        (int[] inShape, int[] outShape)[] cases =
        {
            (new[] { 1, 3, 1 }, new[] { 2, 3, 4 }),
            (new[] { 3 }, new[] { 2, 3 }),
            (new[] { 2, 1 }, new[] { 2, 2, 5 }),
            (new[] { 4 }, new[] { 1, 1, 1, 2, 4 }),
            (new[] { 2, 3 }, new[] { 2, 3 }),
        };
        foreach ((int[] inShape, int[] outShape) in cases)
        {
            float[] data = ShapeOpHarness.Iota(ShapeOpHarness.Count(inShape), 1);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
                new[] { TestTensor.Float(inShape, data), ShapeOpHarness.ConstInt32(outShape) }, new[] { TestTensor.Float(outShape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data, inShape, outShape), runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8BoolAndInt64ShapeTensor(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
            new[] { TestTensor.Int8(new[] { 2, 1 }, new sbyte[] { -128, 127 }, 0.1f, -3), ShapeOpHarness.ConstInt64(2, 3) },
            new[] { TestTensor.Int8(new[] { 2, 3 }, null, 0.1f, -3) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, -128, -128, 127, 127, 127 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
            new[] { ShapeOpHarness.Bool(new[] { 2 }, new[] { true, false }), ShapeOpHarness.ConstInt32(2, 2) },
            new[] { ShapeOpHarness.Bool(new[] { 2, 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new byte[] { 1, 0, 1, 0 }, runner.Get<byte>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsShapesThatDoNotMatchOrBroadcast(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
            new[] { TestTensor.Float(new[] { 1, 3 }), ShapeOpHarness.ConstInt32(2, 3) }, new[] { TestTensor.Float(new[] { 4, 3 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [4, 3], expected [2, 3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
            new[] { TestTensor.Float(new[] { 2, 3 }), ShapeOpHarness.ConstInt32(2, 4) }, new[] { TestTensor.Float(new[] { 2, 4 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("cannot broadcast input tensor 0 [2, 3] to output tensor 2 [2, 4]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_TO,
            new[] { TestTensor.Float(new[] { 1 }), ShapeOpHarness.ConstInt32(1, 1, 1, 1, 1, 2) },
            new[] { TestTensor.Float(new[] { 1, 1, 1, 1, 1, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("at most 5 dimensions", runner.Errors.MessageText);
        }
    }
}
