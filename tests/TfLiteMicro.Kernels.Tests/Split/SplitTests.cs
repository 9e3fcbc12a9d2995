using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Split;

/// <summary>
/// SPLIT and SPLIT_V. Expectation: output i at coordinates c equals the input at c shifted along the axis by the sizes
/// of outputs 0..i-1.
/// </summary>
public class SplitTests
{
    private static void AssertPieces(KernelRunner runner, float[] input, int[] shape, int axis, int[] sizes, int firstOutput)
    {
        int offset = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            int[] outShape = (int[])shape.Clone();
            outShape[axis] = sizes[i];
            float[] actual = runner.Get<float>(firstOutput + i);
            Assert.Equal(ShapeOpHarness.Count(outShape), actual.Length);
            for (int k = 0; k < actual.Length; k++)
            {
                int[] c = ShapeOpHarness.Coordinates(outShape, k);
                c[axis] += offset;
                Assert.Equal(input[ShapeOpHarness.Flat(shape, c)], actual[k]);
            }
            offset += sizes[i];
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SplitEqualPartsAlongEachAxis(string implementation)
    {
        int[] shape = { 2, 6, 4 };
        float[] data = ShapeOpHarness.Iota(48);
        foreach ((int axisValue, int parts) in new[] { (0, 2), (1, 3), (-1, 2), (2, 4), (1, 1) })
        {
            int axis = axisValue < 0 ? axisValue + 3 : axisValue;
            int[] outShape = (int[])shape.Clone();
            outShape[axis] /= parts;
            TestTensor[] outputs = new TestTensor[parts];
            int[] sizes = new int[parts];
            for (int i = 0; i < parts; i++) { outputs[i] = TestTensor.Float(outShape); sizes[i] = outShape[axis]; }
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT,
                new[] { ShapeOpHarness.ConstInt32(axisValue), TestTensor.Float(shape, data) }, outputs, BuiltinOptions.SplitOptions,
                new FbTable().Scalar(0, parts));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertPieces(runner, data, shape, axis, sizes, 2);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SplitInt8AndInt16(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT,
            new[] { ShapeOpHarness.ConstInt32(1), TestTensor.Int8(new[] { 2, 2 }, new sbyte[] { -128, 127, 1, 2 }, 0.1f, 0) },
            new[] { TestTensor.Int8(new[] { 2, 1 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2, 1 }, null, 0.1f, 0) },
            BuiltinOptions.SplitOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 1 }, runner.Get<sbyte>(2));
            Assert.Equal(new sbyte[] { 127, 2 }, runner.Get<sbyte>(3));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT,
            new[] { ShapeOpHarness.ConstInt32(0), TestTensor.Int16(new[] { 2 }, new short[] { -32768, 32767 }, 1f, 0) },
            new[] { TestTensor.Int16(new[] { 1 }, null, 1f, 0), TestTensor.Int16(new[] { 1 }, null, 1f, 0) },
            BuiltinOptions.SplitOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { -32768 }, runner.Get<short>(2));
            Assert.Equal(new short[] { 32767 }, runner.Get<short>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SplitVWithExplicitAndInferredSizes(string implementation)
    {
        int[] shape = { 2, 7, 3 };
        float[] data = ShapeOpHarness.Iota(42);
        foreach (int[] sizeSplits in new[] { new[] { 2, -1, 1 }, new[] { 2, 4, 1 }, new[] { 7 }, new[] { 0, 7 } })
        {
            int[] sizes = (int[])sizeSplits.Clone();
            int known = 0;
            foreach (int s in sizes) if (s >= 0) known += s;
            for (int i = 0; i < sizes.Length; i++) if (sizes[i] < 0) sizes[i] = 7 - known;
            TestTensor[] outputs = new TestTensor[sizes.Length];
            for (int i = 0; i < sizes.Length; i++) outputs[i] = TestTensor.Float(new[] { 2, sizes[i], 3 });
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT_V,
                new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt32(sizeSplits), ShapeOpHarness.ConstInt32(-2) }, outputs,
                BuiltinOptions.SplitVOptions, new FbTable().Scalar(0, sizes.Length));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            AssertPieces(runner, data, shape, 1, sizes, 3);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsRuntimeAxisUnevenSplitsAndMismatchedSizes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT,
            new[] { TestTensor.Int32(new[] { 1 }, new[] { 0 }), TestTensor.Float(new[] { 4 }) },
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }) }, BuiltinOptions.SplitOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis tensor 0 is not constant", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT,
            new[] { ShapeOpHarness.ConstInt32(0), TestTensor.Float(new[] { 5 }) },
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 3 }) }, BuiltinOptions.SplitOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("does not divide input tensor 1's 5 along axis 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT_V,
            new[] { TestTensor.Float(new[] { 5 }), ShapeOpHarness.ConstInt32(3, 2), ShapeOpHarness.ConstInt32(0) },
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 3 }) }, BuiltinOptions.SplitVOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("size_splits[0] is 3 but output tensor 3 has 2 along axis 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SPLIT_V,
            new[] { TestTensor.Float(new[] { 5 }), ShapeOpHarness.ConstInt32(2, 2), ShapeOpHarness.ConstInt32(0) },
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }) }, BuiltinOptions.SplitVOptions, new FbTable().Scalar(0, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("outputs add up to 4 along axis 0, input tensor 0 has 5", runner.Errors.MessageText);
        }
    }
}
