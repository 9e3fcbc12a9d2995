using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Slice;

/// <summary>SLICE. Expectation: output at c equals input at begin + c.</summary>
public class SliceTests
{
    private static float[] Expected(float[] input, int[] shape, int[] begin, int[] outShape)
    {
        float[] result = new float[ShapeOpHarness.Count(outShape)];
        for (int k = 0; k < result.Length; k++)
        {
            int[] c = ShapeOpHarness.Coordinates(outShape, k);
            for (int d = 0; d < c.Length; d++) c[d] += begin[d];
            result[k] = input[ShapeOpHarness.Flat(shape, c)];
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatWithSizeMinusOneInt64IndicesAndFiveDims(string implementation)
    {
        int[] shape = { 3, 4, 5 };
        float[] data = ShapeOpHarness.Iota(60);
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt32(1, 0, 2), ShapeOpHarness.ConstInt32(2, -1, 2) },
            new[] { TestTensor.Float(new[] { 2, 4, 2 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data, shape, new[] { 1, 0, 2 }, new[] { 2, 4, 2 }), runner.Get<float>(3));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(shape, data), ShapeOpHarness.ConstInt64(2, 3, 0), ShapeOpHarness.ConstInt64(1, 1, 5) },
            new[] { TestTensor.Float(new[] { 1, 1, 5 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data, shape, new[] { 2, 3, 0 }, new[] { 1, 1, 5 }), runner.Get<float>(3));
        }
        int[] shape5 = { 2, 2, 2, 2, 3 };
        float[] data5 = ShapeOpHarness.Iota(48);
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(shape5, data5), ShapeOpHarness.ConstInt32(1, 0, 1, 0, 1), ShapeOpHarness.ConstInt32(1, 2, 1, -1, 2) },
            new[] { TestTensor.Float(new[] { 1, 2, 1, 2, 2 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(data5, shape5, new[] { 1, 0, 1, 0, 1 }, new[] { 1, 2, 1, 2, 2 }), runner.Get<float>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Int16BoolAndRunTimeBegin(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Int8(new[] { 4 }, new sbyte[] { -128, 1, 2, 127 }, 0.1f, 0), TestTensor.Int32(new[] { 1 }, new[] { 2 }),
                ShapeOpHarness.ConstInt32(2) },
            new[] { TestTensor.Int8(new[] { 2 }, null, 0.1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { 2, 127 }, runner.Get<sbyte>(3));
            runner.SetData(1, new[] { 0 });
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 1 }, runner.Get<sbyte>(3));
            runner.SetData(1, new[] { 3 });
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("size[0] = 2 does not fit: 1 elements remain after begin 3", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Int16(new[] { 2, 2 }, new short[] { -32768, 2, 3, 32767 }, 1f, 0), ShapeOpHarness.ConstInt32(0, 1),
                ShapeOpHarness.ConstInt32(-1, 1) },
            new[] { TestTensor.Int16(new[] { 2, 1 }, null, 1f, 0) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { 2, 32767 }, runner.Get<short>(3));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { ShapeOpHarness.Bool(new[] { 3 }, new[] { true, false, true }), ShapeOpHarness.ConstInt32(1), ShapeOpHarness.ConstInt32(2) },
            new[] { ShapeOpHarness.Bool(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new byte[] { 0, 1 }, runner.Get<byte>(3));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsOutOfRangeBeginsSizesAndShapes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(new[] { 3 }), ShapeOpHarness.ConstInt32(4), ShapeOpHarness.ConstInt32(0) }, new[] { TestTensor.Float(new[] { 0 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("begin[0] = 4 is outside [0, 3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(new[] { 3, 3 }), ShapeOpHarness.ConstInt32(0, 1), ShapeOpHarness.ConstInt32(2, -1) },
            new[] { TestTensor.Float(new[] { 2, 3 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 3 has shape [2, 3], expected [2, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(new[] { 3 }), ShapeOpHarness.ConstInt32(0), ShapeOpHarness.ConstInt64(1) }, new[] { TestTensor.Float(new[] { 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("size tensor 2 has type INT64, begin tensor 1 has INT32", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SLICE,
            new[] { TestTensor.Float(new[] { 3, 1 }), ShapeOpHarness.ConstInt32(0), ShapeOpHarness.ConstInt32(1) }, new[] { TestTensor.Float(new[] { 1, 1 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("begin tensor 1 has shape [1], expected [2]", runner.Errors.MessageText);
        }
    }
}
