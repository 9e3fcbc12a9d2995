using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Reduce;

/// <summary>
/// SUM, REDUCE_MAX, REDUCE_MIN and REDUCE_ALL. Expectations are reductions computed here in double (or bool)
/// over the same axes, or derived by hand.
/// </summary>
public class ReduceTests
{
    private static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, int[] axes, TestTensor output,
        bool keepDims, bool constantAxes = true) =>
        new KernelRunner(KernelImplementations.Get(implementation, op),
            new[] { input, TestTensor.Int32(new[] { axes.Length }, axes, isConstant: constantAxes), output },
            new[] { 0, 1 }, new[] { 2 }, op, (byte)BuiltinOptions.ReducerOptions, new FbTable().Scalar(0, keepDims));

    /// <summary>Reduces <paramref name="x"/> over <paramref name="axes"/> (non-negative, distinct) with <paramref name="combine"/>.</summary>
    private static T[] RealReduce<T>(T[] x, int[] shape, int[] axes, T initial, Func<T, T, T> combine)
    {
        int[] kept = Enumerable.Range(0, shape.Length).Where(d => !axes.Contains(d)).ToArray();
        int outputs = kept.Aggregate(1, (p, d) => p * shape[d]);
        T[] result = Enumerable.Repeat(initial, outputs).ToArray();
        int[] index = new int[shape.Length];
        for (int flat = 0; flat < x.Length; flat++)
        {
            int rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--) { index[d] = rest % shape[d]; rest /= shape[d]; }
            int target = 0;
            foreach (int d in kept) target = target * shape[d] + index[d];
            result[target] = combine(result[target], x[flat]);
        }
        return result;
    }

    private static float[] Ramp(int count, float scale, float offset) =>
        Enumerable.Range(0, count).Select(i => (i * 7 % 13) * scale + offset).ToArray();

    public static TheoryData<string, int[], int[], int[], bool> FloatCases()
    {
        var data = new TheoryData<string, int[], int[], int[], bool>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            string name = (string)implementation[0];
            data.Add(name, new[] { 1, 2 }, new[] { 1, 2 }, new[] { 2, 1, 1, 5 }, true);
            data.Add(name, new[] { -1 }, new[] { 3 }, new[] { 2, 3, 4 }, false);
            data.Add(name, new[] { 0, -4, 3 }, new[] { 0, 3 }, new[] { 3, 4 }, false);
            data.Add(name, new[] { 0, 1, 2, 3 }, new[] { 0, 1, 2, 3 }, new[] { 1, 1, 1, 1 }, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatSumMaxMinOverAxes(string implementation, int[] axes, int[] resolved, int[] outputShape, bool keepDims)
    {
        int[] shape = { 2, 3, 4, 5 };
        float[] input = Ramp(120, 0.37f, -2f);
        double[] real = Array.ConvertAll(input, v => (double)v);
        (BuiltinOperator Op, double Initial, Func<double, double, double> Combine)[] ops =
        {
            (BuiltinOperator.SUM, 0, (a, b) => a + b),
            (BuiltinOperator.REDUCE_MAX, double.MinValue, Math.Max),
            (BuiltinOperator.REDUCE_MIN, double.MaxValue, Math.Min),
        };
        foreach (var (op, initial, combine) in ops)
        {
            using KernelRunner runner = Runner(implementation, op, TestTensor.Float(shape, input), axes, TestTensor.Float(outputShape), keepDims);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            double[] expected = RealReduce(real, shape, resolved, initial, combine);
            float[] actual = runner.Get<float>(2);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMaxStartsFromTheLowestFiniteFloat(string implementation)
    {
        // TFLM initializes REDUCE_MAX with numeric_limits<float>::lowest(), so an all -inf row gives -FLT_MAX.
        float[] input = { float.NegativeInfinity, float.NegativeInfinity, 1f, float.NegativeInfinity };
        using KernelRunner max = Runner(implementation, BuiltinOperator.REDUCE_MAX, TestTensor.Float(new[] { 2, 2 }, input), new[] { 1 },
            TestTensor.Float(new[] { 2 }), false);
        Assert.Equal(Status.Ok, max.InitAndPrepare());
        Assert.Equal(Status.Ok, max.Invoke());
        Assert.Equal(new[] { float.MinValue, 1f }, max.Get<float>(2));

        float[] positive = { float.PositiveInfinity, float.PositiveInfinity, -1f, 2f };
        using KernelRunner min = Runner(implementation, BuiltinOperator.REDUCE_MIN, TestTensor.Float(new[] { 2, 2 }, positive), new[] { 1 },
            TestTensor.Float(new[] { 2 }), false);
        Assert.Equal(Status.Ok, min.InitAndPrepare());
        Assert.Equal(Status.Ok, min.Invoke());
        Assert.Equal(new[] { float.MaxValue, -1f }, min.Get<float>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void EmptyInputLeavesTheInitialValues(string implementation)
    {
        using KernelRunner sum = Runner(implementation, BuiltinOperator.SUM, TestTensor.Float(new[] { 2, 0, 3 }), new[] { 1 },
            TestTensor.Float(new[] { 2, 3 }, Enumerable.Repeat(9f, 6).ToArray()), false);
        Assert.Equal(Status.Ok, sum.InitAndPrepare());
        Assert.Equal(Status.Ok, sum.Invoke());
        Assert.All(sum.Get<float>(2), v => Assert.Equal(0f, v));

        using KernelRunner max = Runner(implementation, BuiltinOperator.REDUCE_MAX, TestTensor.Float(new[] { 2, 0, 3 }), new[] { 1 },
            TestTensor.Float(new[] { 2, 3 }), false);
        Assert.Equal(Status.Ok, max.InitAndPrepare());
        Assert.Equal(Status.Ok, max.Invoke());
        Assert.All(max.Get<float>(2), v => Assert.Equal(float.MinValue, v));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8SumRequantizes(string implementation)
    {
        int[] shape = { 2, 3, 4 };
        sbyte[] input = Enumerable.Range(0, 24).Select(i => (sbyte)((i * 37) % 256 - 128)).ToArray();
        const float inputScale = 0.02f, outputScale = 0.1f;
        const int inputZeroPoint = -3, outputZeroPoint = 5;
        using KernelRunner runner = Runner(implementation, BuiltinOperator.SUM, TestTensor.Int8(shape, input, inputScale, inputZeroPoint),
            new[] { 1 }, TestTensor.Int8(new[] { 2, 4 }, null, outputScale, outputZeroPoint), false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] real = input.Select(q => (double)inputScale * (q - inputZeroPoint)).ToArray();
        double[] sums = RealReduce(real, shape, new[] { 1 }, 0.0, (a, b) => a + b);
        sbyte[] actual = runner.Get<sbyte>(2);
        for (int i = 0; i < sums.Length; i++)
        {
            double expected = Math.Clamp(sums[i] / outputScale + outputZeroPoint, -128, 127);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"output {i}: got {actual[i]}, expected {expected:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16SumRequantizesAndSaturates(string implementation)
    {
        int[] shape = { 2, 3, 5 };
        short[] input = Enumerable.Range(0, 30).Select(i => (short)((i * 9973) % 65536 - 32768)).ToArray();
        input[0] = input[1] = input[2] = short.MaxValue; // the first sum saturates
        const float inputScale = 1f / 4096, outputScale = 1f / 1024;
        using KernelRunner runner = Runner(implementation, BuiltinOperator.SUM, TestTensor.Int16(shape, input, inputScale, 0),
            new[] { 1 }, TestTensor.Int16(new[] { 2, 1, 5 }, null, outputScale, 0), true);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] real = input.Select(q => (double)inputScale * q).ToArray();
        double[] sums = RealReduce(real, shape, new[] { 1 }, 0.0, (a, b) => a + b);
        short[] actual = runner.Get<short>(2);
        for (int i = 0; i < sums.Length; i++)
        {
            double expected = Math.Clamp(sums[i] / outputScale, short.MinValue, short.MaxValue);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"output {i}: got {actual[i]}, expected {expected:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8MaxAndMinCompareRawValues(string implementation)
    {
        int[] shape = { 3, 4 };
        sbyte[] input = { -128, 5, 127, 0, -7, -7, -8, -100, 3, 2, 1, 0 };
        using KernelRunner max = Runner(implementation, BuiltinOperator.REDUCE_MAX, TestTensor.Int8(shape, input, 0.5f, -3), new[] { -1 },
            TestTensor.Int8(new[] { 3 }, null, 0.5f, -3), false);
        Assert.Equal(Status.Ok, max.InitAndPrepare());
        Assert.Equal(Status.Ok, max.Invoke());
        Assert.Equal(new sbyte[] { 127, -7, 3 }, max.Get<sbyte>(2));

        using KernelRunner min = Runner(implementation, BuiltinOperator.REDUCE_MIN, TestTensor.Int8(shape, input, 0.5f, -3), new[] { 0 },
            TestTensor.Int8(new[] { 1, 4 }, null, 0.5f, -3), true);
        Assert.Equal(Status.Ok, min.InitAndPrepare());
        Assert.Equal(Status.Ok, min.Invoke());
        Assert.Equal(new sbyte[] { -128, -7, -8, -100 }, min.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AllIsTrueOnlyWhenEveryElementIs(string implementation)
    {
        int[] shape = { 2, 3, 2 };
        byte[] input = { 1, 1, 1, 0, 1, 1, /* second batch */ 1, 1, 2, 1, 0, 0 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.REDUCE_ALL, new TestTensor(TensorType.Bool, shape, input), new[] { 1 },
            new TestTensor(TensorType.Bool, new[] { 2, 2 }), false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        bool[] expected = RealReduce(input.Select(b => b != 0).ToArray(), shape, new[] { 1 }, true, (a, b) => a && b);
        Assert.Equal(expected.Select(b => b ? (byte)1 : (byte)0).ToArray(), runner.Get<byte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AxesFromARuntimeTensor(string implementation)
    {
        float[] input = Ramp(24, 0.5f, -1f);
        using KernelRunner runner = Runner(implementation, BuiltinOperator.SUM, TestTensor.Float(new[] { 2, 3, 4 }, input), new[] { 0 },
            TestTensor.Float(new[] { 3, 4 }), false, constantAxes: false);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        runner.SetData(1, new[] { -3 });
        Assert.Equal(Status.Ok, runner.Invoke());
        double[] expected = RealReduce(Array.ConvertAll(input, v => (double)v), new[] { 2, 3, 4 }, new[] { 0 }, 0.0, (a, b) => a + b);
        float[] actual = runner.Get<float>(2);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);

        // An axis out of range only shows at Invoke for a runtime axis tensor.
        runner.SetData(1, new[] { 3 });
        Assert.NotEqual(Status.Ok, runner.Invoke());
        Assert.Contains("out of range", runner.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadAxesShapesTypesAndQuantization(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.SUM, TestTensor.Float(new[] { 2, 3 }), new[] { 2 },
            TestTensor.Float(new[] { 2 }), false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("axis 2 is out of range for input rank 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.REDUCE_MAX, TestTensor.Float(new[] { 2, 3 }), new[] { 1 },
            TestTensor.Float(new[] { 3 }), false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("has 3 elements, the reduction leaves 2", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.REDUCE_MIN, TestTensor.Int16(new[] { 4 }, null, 0.1f, 0), new[] { 0 },
            TestTensor.Int16(new[] { 1 }, null, 0.1f, 0), false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT16", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.REDUCE_MAX, TestTensor.Int8(new[] { 4 }, null, 0.1f, 0), new[] { 0 },
            TestTensor.Int8(new[] { 1 }, null, 0.2f, 0), false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("must be quantized alike", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.REDUCE_ALL, TestTensor.Float(new[] { 4 }), new[] { 0 },
            TestTensor.Float(new[] { 1 }), false))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("FLOAT32", runner.Errors.MessageText);
        }
    }
}
