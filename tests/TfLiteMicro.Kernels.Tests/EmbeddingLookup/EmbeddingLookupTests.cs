using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.EmbeddingLookup;

/// <summary>EMBEDDING_LOOKUP. Expectation: output row i is table row ids[i] (dequantized with scale[0] for int8 → float32).</summary>
public class EmbeddingLookupTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatRowsOfAThreeDimensionalTable(string implementation)
    {
        float[] table = ShapeOpHarness.Iota(24, 1);
        int[] ids = { 3, 0, 3, 2 };
        using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 4 }, ids), TestTensor.Float(new[] { 4, 2, 3 }, table, isConstant: true) },
            new[] { TestTensor.Float(new[] { 4, 2, 3 }) });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] expected = new float[24];
        for (int i = 0; i < 4; i++) Array.Copy(table, ids[i] * 6, expected, i * 6, 6);
        Assert.Equal(expected, runner.Get<float>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8CopiesAndInt8ToFloatUsesTheFirstScale(string implementation)
    {
        sbyte[] table = { -128, 1, 2, 127, 5, -6 };
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 2 }, new[] { 2, 0 }), TestTensor.Int8(new[] { 3, 2 }, table, 0.1f, 0, isConstant: true) },
            new[] { TestTensor.Int8(new[] { 2, 2 }, null, 0.1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 5, -6, -128, 1 }, runner.Get<sbyte>(2));
        }
        // Per-row scales: TFLM reads only params.scale, the first of them.
        TestTensor perRow = new TestTensor(TensorType.Int8, new[] { 3, 2 }, TfLiteModelBuilder.Bytes(table), new[] { 0.5f, 2f, 4f },
            new long[3], 0, isConstant: true);
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 2 }, new[] { 1, 2 }), perRow }, new[] { TestTensor.Float(new[] { 2, 2 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 2 * 0.5f, 127 * 0.5f, 5 * 0.5f, -6 * 0.5f }, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsOutOfRangeIdsZeroPointsAndShapes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 1 }, new[] { 3 }), TestTensor.Float(new[] { 3, 2 }, new float[6], isConstant: true) },
            new[] { TestTensor.Float(new[] { 1, 2 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("id 3 is outside [0, 3)", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 1 }, new[] { 0 }), TestTensor.Int8(new[] { 3, 2 }, new sbyte[6], 0.1f, 1, isConstant: true) },
            new[] { TestTensor.Float(new[] { 1, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("must be quantized with zero point 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.EMBEDDING_LOOKUP,
            new[] { TestTensor.Int32(new[] { 2 }, new[] { 0, 1 }), TestTensor.Float(new[] { 3, 2 }, new float[6], isConstant: true) },
            new[] { TestTensor.Float(new[] { 3, 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [3, 2], expected [2, 2]", runner.Errors.MessageText);
        }
    }
}
