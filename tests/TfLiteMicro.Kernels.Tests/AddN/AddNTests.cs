using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.AddN;

/// <summary>ADD_N: float32 summation order, int8 with TFLM's extra zero-point term, and Prepare errors.</summary>
public class AddNTests
{
    private const BuiltinOperator Op = BuiltinOperator.ADD_N;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSumsInInputOrder(string implementation)
    {
        Random random = new Random(14);
        foreach (int count in new[] { 2, 3, 5 })
        {
            int[] shape = { 2, 3, 4 };
            TestTensor[] inputs = new TestTensor[count];
            float[][] values = new float[count][];
            for (int j = 0; j < count; j++)
            {
                values[j] = new float[24];
                for (int i = 0; i < 24; i++) values[j][i] = (float)((random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-3, 4)));
                inputs[j] = TestTensor.Float(shape, values[j]);
            }
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Float(shape), inputs);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] expected = new float[24];
            for (int i = 0; i < 24; i++)
            {
                float sum = 0f;
                for (int j = 0; j < count; j++) sum += values[j][i];
                expected[i] = sum;
            }
            Assert.Equal(expected, runner.Get<float>(count));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AddsTheRealValuesPlusTflmsExtraZeroPointTerm(string implementation)
    {
        (float S, int Z, float So, int Zo)[] quantizations =
        {
            (0.03f, 5, 0.03f, 5),   // the golden model's parameters
            (0.02f, 0, 0.05f, -10), // zero point 0: no extra term
            (0.01f, -20, 0.04f, 3),
        };
        Random random = new Random(15);
        foreach (var q in quantizations)
        {
            const int count = 4;
            TestTensor[] inputs = new TestTensor[count];
            sbyte[][] values = new sbyte[count][];
            for (int j = 0; j < count; j++)
            {
                values[j] = new sbyte[64];
                for (int i = 0; i < 64; i++) values[j][i] = (sbyte)random.Next(-128, 128);
                inputs[j] = TestTensor.Int8(new[] { 64 }, values[j], q.S, q.Z);
            }
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int8(new[] { 64 }, null, q.So, q.Zo), inputs);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(count);
            for (int i = 0; i < 64; i++)
            {
                double real = 0;
                for (int j = 0; j < count; j++) real += (values[j][i] - q.Z) * (double)q.S;
                // TFLM starts its fixed-point sum at the rescaled input offset (-zero point) instead of 0.
                real += -q.Z * (double)q.S;
                double expected = Math.Clamp(real / q.So + q.Zo, -128, 127);
                Assert.True(Math.Abs(actual[i] - expected) <= 0.6, "expected " + expected + " got " + actual[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareErrors(string implementation)
    {
        int[] shape = { 3 };
        (TestTensor Output, TestTensor[] Inputs, string Message)[] cases =
        {
            (TestTensor.Float(shape), new[] { TestTensor.Float(shape) }, "expects at least 2 inputs"),
            (TestTensor.Float(shape), new[] { TestTensor.Float(shape), TestTensor.Float(new[] { 4 }) }, "must have the shape of input tensor 0"),
            (TestTensor.Float(new[] { 4 }), new[] { TestTensor.Float(shape), TestTensor.Float(shape) }, "must have the shape of the inputs"),
            (TestTensor.Float(shape), new[] { TestTensor.Float(shape), TestTensor.Int32(shape, null) }, "has type INT32, expected FLOAT32"),
            (TestTensor.Int32(shape, null), new[] { TestTensor.Int32(shape, null), TestTensor.Int32(shape, null) }, "type INT32 of input 0 tensor 0 is not supported"),
            (TestTensor.Int8(shape, null, 0.1f, 0), new[] { TestTensor.Int8(shape, null, 0.1f, 0), TestTensor.Int8(shape, null, 0.2f, 0) }, "must share one scale and zero point"),
            (TestTensor.Int8(shape, null, 0.1f, 0), new[] { TestTensor.Int8(shape, null, 0.1f, 0), TestTensor.Int8(shape, null, 0.1f, 1) }, "must share one scale and zero point"),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, c.Output, c.Inputs);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains(c.Message, runner.Errors.MessageText);
        }
    }
}
