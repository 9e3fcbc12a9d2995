using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Unpack;

/// <summary>UNPACK. Expectation: output i at coordinates c equals the input at c with i inserted at the axis.</summary>
public class UnpackTests
{
    private static FbTable Options(int num, int axis) => new FbTable().Scalar(0, num).Scalar(1, axis);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAlongEveryAxisIncludingNegative(string implementation)
    {
        int[] shape = { 3, 2, 4 };
        float[] data = ShapeOpHarness.Iota(24);
        foreach (int axisOption in new[] { 0, 1, 2, -1, -3 })
        {
            int axis = axisOption < 0 ? axisOption + 3 : axisOption;
            int num = shape[axis];
            int[] outShape = new int[2];
            for (int d = 0, e = 0; d < 3; d++) if (d != axis) outShape[e++] = shape[d];
            TestTensor[] outputs = new TestTensor[num];
            for (int i = 0; i < num; i++) outputs[i] = TestTensor.Float(outShape);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK, new[] { TestTensor.Float(shape, data) },
                outputs, BuiltinOptions.UnpackOptions, Options(num, axisOption));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            for (int i = 0; i < num; i++)
            {
                float[] actual = runner.Get<float>(1 + i);
                for (int k = 0; k < actual.Length; k++)
                {
                    int[] c = ShapeOpHarness.Coordinates(outShape, k);
                    int[] full = new int[3];
                    for (int d = 0, e = 0; d < 3; d++) full[d] = d == axis ? i : c[e++];
                    Assert.Equal(data[ShapeOpHarness.Flat(shape, full)], actual[k]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Int16Int32CopyBitsUnchanged(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK,
            new[] { TestTensor.Int8(new[] { 2, 2 }, new sbyte[] { -128, 127, 5, -3 }, 0.5f, 7) },
            new[] { TestTensor.Int8(new[] { 2 }, null, 0.5f, 7), TestTensor.Int8(new[] { 2 }, null, 0.5f, 7) },
            BuiltinOptions.UnpackOptions, Options(2, 1)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 5 }, runner.Get<sbyte>(1));
            Assert.Equal(new sbyte[] { 127, -3 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK,
            new[] { TestTensor.Int16(new[] { 2, 2 }, new short[] { -32768, 32767, 1, 2 }, 1f, 0) },
            new[] { TestTensor.Int16(new[] { 2 }, null, 1f, 0), TestTensor.Int16(new[] { 2 }, null, 1f, 0) },
            BuiltinOptions.UnpackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new short[] { -32768, 32767 }, runner.Get<short>(1));
            Assert.Equal(new short[] { 1, 2 }, runner.Get<short>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK,
            new[] { TestTensor.Int32(new[] { 1, 3 }, new[] { int.MinValue, 0, int.MaxValue }) },
            new[] { TestTensor.Int32(new[] { 3 }, null) }, BuiltinOptions.UnpackOptions, Options(1, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { int.MinValue, 0, int.MaxValue }, runner.Get<int>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongCountShapeAndType(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK, new[] { TestTensor.Float(new[] { 3, 2 }) },
            new[] { TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }) }, BuiltinOptions.UnpackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("input tensor 0 has 3 along axis 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK, new[] { TestTensor.Float(new[] { 2, 3 }) },
            new[] { TestTensor.Float(new[] { 3 }), TestTensor.Float(new[] { 2 }) }, BuiltinOptions.UnpackOptions, Options(2, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2], expected [3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK, new[] { TestTensor.Int64(new[] { 1, 3 }, null) },
            new[] { TestTensor.Int64(new[] { 3 }, null) }, BuiltinOptions.UnpackOptions, Options(1, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type INT64 of input tensor 0 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.UNPACK, new[] { TestTensor.Float(new[] { 1, 3 }) },
            new[] { TestTensor.Float(new[] { 3 }) }, BuiltinOptions.UnpackOptions, Options(1, 2)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("axis 2 is outside", runner.Errors.MessageText);
        }
    }
}
