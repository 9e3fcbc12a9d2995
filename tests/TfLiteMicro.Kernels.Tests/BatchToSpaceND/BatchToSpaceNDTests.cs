using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.BatchToSpaceND;

/// <summary>
/// BATCH_TO_SPACE_ND. Expectation: it inverts SPACE_TO_BATCH_ND, so feeding the SPACE_TO_BATCH_ND expectation of x
/// (computed by the test from TensorFlow's definition) with crops equal to the paddings must give x back.
/// </summary>
public class BatchToSpaceNDTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void UndoesSpaceToBatchWithCrops(string implementation)
    {
        (int[] shape, int[] block, int[] crops)[] cases =
        {
            (new[] { 1, 4, 4, 3 }, new[] { 2, 2 }, new[] { 0, 0, 0, 0 }),
            (new[] { 2, 3, 4, 2 }, new[] { 2, 2 }, new[] { 1, 0, 1, 1 }),
            (new[] { 2, 5, 3 }, new[] { 2 }, new[] { 1, 0 }),
        };
        foreach ((int[] shape, int[] block, int[] crops) in cases)
        {
            bool fourD = shape.Length == 4;
            float[] original = ShapeOpHarness.Iota(ShapeOpHarness.Count(shape), 1);
            int bh = block[0], bw = fourD ? block[1] : 1;
            float[] batched = SpaceToBatchND.SpaceToBatchNDTests.Expected(original, shape, bh, bw, crops[0], crops[1],
                fourD ? crops[2] : 0, fourD ? crops[3] : 0);
            int[] batchedShape = (int[])shape.Clone();
            batchedShape[0] *= bh * bw;
            batchedShape[1] = (shape[1] + crops[0] + crops[1]) / bh;
            if (fourD) batchedShape[2] = (shape[2] + crops[2] + crops[3]) / bw;
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BATCH_TO_SPACE_ND,
                new[] { TestTensor.Float(batchedShape, batched), ShapeOpHarness.ConstInt32(block),
                    TestTensor.Int32(new[] { block.Length, 2 }, crops, isConstant: true) },
                new[] { TestTensor.Float(shape) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(original, runner.Get<float>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndShapeErrors(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BATCH_TO_SPACE_ND,
            new[] { TestTensor.Int8(new[] { 4, 1, 1, 1 }, new sbyte[] { -128, 1, 2, 127 }, 0.1f, 3), ShapeOpHarness.ConstInt32(2, 2),
                TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Int8(new[] { 1, 2, 2, 1 }, null, 0.1f, 3) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 1, 2, 127 }, runner.Get<sbyte>(3));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BATCH_TO_SPACE_ND,
            new[] { TestTensor.Float(new[] { 4, 1, 1, 1 }), ShapeOpHarness.ConstInt32(2, 2), TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Float(new[] { 1, 2, 1, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 3 has shape [1, 2, 1, 1], expected [1, 2, 2, 1]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BATCH_TO_SPACE_ND,
            new[] { TestTensor.Float(new[] { 3, 1, 1, 1 }), ShapeOpHarness.ConstInt32(2, 2), TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Float(new[] { 1, 2, 2, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("batch 3 is not a multiple of the block size product 4", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BATCH_TO_SPACE_ND,
            new[] { TestTensor.Int32(new[] { 4, 1, 1, 1 }, null), ShapeOpHarness.ConstInt32(2, 2), TestTensor.Int32(new[] { 2, 2 }, new int[4], isConstant: true) },
            new[] { TestTensor.Int32(new[] { 1, 2, 2, 1 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type INT32 of input tensor 0 is not supported", runner.Errors.MessageText);
        }
    }
}
