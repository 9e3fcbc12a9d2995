using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Pad;

/// <summary>PAD and PADV2. Expectations: each output position maps back to the input or is the pad value.</summary>
public class PadTests
{
    private static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, int[] paddings, TestTensor output,
        TestTensor? constant = null)
    {
        TestTensor paddingTensor = TestTensor.Int32(new[] { paddings.Length / 2, 2 }, paddings, isConstant: true);
        return constant == null
            ? new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, paddingTensor, output }, new[] { 0, 1 }, new[] { 2 }, op)
            : new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, paddingTensor, output, constant }, new[] { 0, 1, 3 }, new[] { 2 }, op);
    }

    /// <summary>Straightforward padding: output[o] = input[o - before] where inside, else <paramref name="padValue"/>.</summary>
    private static T[] Expected<T>(T[] input, int[] shape, int[] paddings, T padValue)
    {
        int rank = shape.Length;
        int[] outShape = new int[rank];
        for (int d = 0; d < rank; d++) outShape[d] = shape[d] + paddings[2 * d] + paddings[2 * d + 1];
        int total = 1;
        foreach (int n in outShape) total *= n;
        T[] result = new T[total];
        int[] index = new int[rank];
        for (int flat = 0; flat < total; flat++)
        {
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--) { index[d] = rest % outShape[d]; rest /= outShape[d]; }
            int source = 0;
            bool inside = true;
            for (int d = 0; d < rank; d++)
            {
                int i = index[d] - paddings[2 * d];
                if (i < 0 || i >= shape[d]) { inside = false; break; }
                source = source * shape[d] + i;
            }
            result[flat] = inside ? input[source] : padValue;
        }
        return result;
    }

    private static int[] OutputShape(int[] shape, int[] paddings)
    {
        int[] result = new int[shape.Length];
        for (int d = 0; d < shape.Length; d++) result[d] = shape[d] + paddings[2 * d] + paddings[2 * d + 1];
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatPadsEveryDimensionWithZero(string implementation)
    {
        // TFLM pad_test.cc's 4D case: 1x2x2x1 input, paddings (0,0),(1,1),(1,1),(0,0).
        int[] shape = { 1, 2, 2, 1 };
        float[] input = { 1, 2, 3, 4 };
        int[] paddings = { 0, 0, 1, 1, 1, 1, 0, 0 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.PAD, TestTensor.Float(shape, input), paddings,
            TestTensor.Float(OutputShape(shape, paddings)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0 }, runner.Get<float>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8PadsWithTheOutputZeroPoint(string implementation)
    {
        int[] shape = { 2, 3, 2 };
        sbyte[] input = new sbyte[12];
        for (int i = 0; i < 12; i++) input[i] = (sbyte)(i * 10 - 60);
        int[] paddings = { 1, 0, 0, 2, 1, 1 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.PAD, TestTensor.Int8(shape, input, 0.5f, -7), paddings,
            TestTensor.Int8(OutputShape(shape, paddings), null, 0.5f, -7));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Expected(input, shape, paddings, (sbyte)-7), runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16AsSeanetUsesIt(string implementation)
    {
        // seanet pads the width of [1, 2, W, C] tensors on both sides.
        int[] shape = { 1, 2, 5, 3 };
        short[] input = new short[30];
        for (int i = 0; i < 30; i++) input[i] = (short)(i * 1000 - 15000);
        int[] paddings = { 0, 0, 0, 0, 3, 2, 0, 0 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.PAD, TestTensor.Int16(shape, input, 0.001f, 0), paddings,
            TestTensor.Int16(OutputShape(shape, paddings), null, 0.001f, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Expected(input, shape, paddings, (short)0), runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PadV2UsesTheConstantValue(string implementation)
    {
        int[] shape = { 3, 2 };
        int[] input = { 1, 2, 3, 4, 5, 6 };
        int[] paddings = { 2, 1, 0, 3 };
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.PADV2, TestTensor.Int32(shape, input), paddings,
            TestTensor.Int32(OutputShape(shape, paddings), null), TestTensor.Int32(new[] { 1 }, new[] { -9 }, isConstant: true)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(Expected(input, shape, paddings, -9), runner.Get<int>(2));
        }
        float[] floats = { 1.5f, -2.5f };
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.PADV2, TestTensor.Float(new[] { 2 }, floats), new[] { 1, 2 },
            TestTensor.Float(new[] { 5 }), TestTensor.Float(new[] { 1 }, new[] { 7.25f }, isConstant: true)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 7.25f, 1.5f, -2.5f, 7.25f, 7.25f }, runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInconsistentShapesAndPaddings(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.PAD, TestTensor.Float(new[] { 2, 2 }, new float[4]),
            new[] { 1, 1, 0, 0 }, TestTensor.Float(new[] { 3, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("dimension 0 is 3, expected 4", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.PAD, TestTensor.Float(new[] { 2, 2 }, new float[4]),
            new[] { -1, 1, 0, 0 }, TestTensor.Float(new[] { 2, 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("negative", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.PADV2, TestTensor.Int8(new[] { 2 }, new sbyte[2], 0.5f, 1),
            new[] { 1, 1 }, TestTensor.Int8(new[] { 4 }, null, 0.5f, 1), TestTensor.Int8(new[] { 1 }, new sbyte[] { 3 }, 0.25f, 1, isConstant: true)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("must have the output's scale and zero point", runner.Errors.MessageText);
        }
    }
}
