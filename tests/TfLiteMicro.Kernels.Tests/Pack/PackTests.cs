using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Pack;

/// <summary>PACK. Expectation: output at coordinates c equals input c[axis] at c without the axis.</summary>
public class PackTests
{
    private static FbTable Options(int count, int axis) => new FbTable().Scalar(0, count).Scalar(1, axis);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAlongEveryAxis(string implementation)
    {
        int[] inShape = { 2, 3 };
        float[][] inputs = { ShapeOpHarness.Iota(6, 0), ShapeOpHarness.Iota(6, 100), ShapeOpHarness.Iota(6, 200) };
        foreach (int axisOption in new[] { 0, 1, 2, -1 })
        {
            int axis = axisOption < 0 ? axisOption + 3 : axisOption;
            int[] outShape = new int[3];
            for (int d = 0, s = 0; d < 3; d++) outShape[d] = d == axis ? 3 : inShape[s++];
            TestTensor[] tensors = new TestTensor[3];
            for (int i = 0; i < 3; i++) tensors[i] = TestTensor.Float(inShape, inputs[i]);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK, tensors,
                new[] { TestTensor.Float(outShape) }, BuiltinOptions.PackOptions, Options(3, axisOption));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = runner.Get<float>(3);
            for (int k = 0; k < actual.Length; k++)
            {
                int[] c = ShapeOpHarness.Coordinates(outShape, k);
                int[] inner = new int[2];
                for (int d = 0, e = 0; d < 3; d++) if (d != axis) inner[e++] = c[d];
                Assert.Equal(inputs[c[axis]][ShapeOpHarness.Flat(inShape, inner)], actual[k]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Int32Int64(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Int8(new[] { 2 }, new sbyte[] { -128, 1 }, 0.1f, 3), TestTensor.Int8(new[] { 2 }, new sbyte[] { 127, 2 }, 0.1f, 3) },
            new[] { TestTensor.Int8(new[] { 2, 2 }, null, 0.1f, 3) }, BuiltinOptions.PackOptions, Options(2, 1)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 127, 1, 2 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Int32(new[] { 1 }, new[] { int.MinValue }), TestTensor.Int32(new[] { 1 }, new[] { int.MaxValue }) },
            new[] { TestTensor.Int32(new[] { 2, 1 }, null) }, BuiltinOptions.PackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { int.MinValue, int.MaxValue }, runner.Get<int>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Int64(new[] { 2 }, new[] { long.MinValue, 1L }), TestTensor.Int64(new[] { 2 }, new[] { long.MaxValue, 2L }) },
            new[] { TestTensor.Int64(new[] { 2, 2 }, null) }, BuiltinOptions.PackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { long.MinValue, 1L, long.MaxValue, 2L }, runner.Get<long>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsCountShapeAndTypeMismatches(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }) }, new[] { TestTensor.Float(new[] { 2, 2 }) },
            BuiltinOptions.PackOptions, Options(3, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("values_count is 3 but the node has 2 inputs", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 3 }) }, new[] { TestTensor.Float(new[] { 2, 2 }) },
            BuiltinOptions.PackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("input tensor 1 has shape [3], expected [2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }) }, new[] { TestTensor.Float(new[] { 2, 2, 1 }) },
            BuiltinOptions.PackOptions, Options(2, 1)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2, 2, 1], expected [2, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.PACK,
            new[] { ShapeOpHarness.Bool(new[] { 2 }, null) }, new[] { ShapeOpHarness.Bool(new[] { 1, 2 }, null) },
            BuiltinOptions.PackOptions, Options(1, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type BOOL of output tensor 1 is not supported", runner.Errors.MessageText);
        }
    }
}
