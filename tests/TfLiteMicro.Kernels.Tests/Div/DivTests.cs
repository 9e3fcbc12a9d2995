using System;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Div;

/// <summary>DIV: float32, int32 (truncating; defined results where C++ is not), int8, broadcasting, activations.</summary>
public class DivTests
{
    private const BuiltinOperator Op = BuiltinOperator.DIV;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcastingWithRelu(string implementation)
    {
        Random random = new Random(6);
        foreach (int[][] shapes in Add.AddTests.BroadcastCases)
        {
            float[] a = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[0]), 3f);
            float[] b = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[1]), 3f);
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b), TestTensor.Float(shapes[2]), ActivationFunctionType.RELU);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(BinaryOpHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => Math.Max(x / y, 0f)), runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatDivisionByZeroFollowsIeeeThenTheActivationClamp(string implementation)
    {
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 3 }, new[] { 1f, -2f, 0f }), TestTensor.Float(new[] { 3 }, new[] { 0f, 0f, 0f }), TestTensor.Float(new[] { 3 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] result = runner.Get<float>(2);
        // With no fused activation TFLM still clamps to [lowest, max] of float, so ±infinity becomes ±float.MaxValue;
        // NaN passes through the min/max comparisons unchanged.
        Assert.Equal(float.MaxValue, result[0]);
        Assert.Equal(float.MinValue, result[1]);
        Assert.True(float.IsNaN(result[2]));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32TruncatesTowardZero(string implementation)
    {
        int[] a = { 7, -7, 7, -7, 0, 123456789, 5 };
        int[] b = { 2, 2, -2, -2, 3, 1000, 10 };
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 7 }, a), TestTensor.Int32(new[] { 7 }, b), TestTensor.Int32(new[] { 7 }, null));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 3, -3, -3, 3, 0, 123456, 0 }, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32UndefinedCasesHaveDefinedResults(string implementation)
    {
        // C++ traps (x86) or is undefined here; this kernel defines x / 0 = 0 and int.MinValue / -1 = int.MinValue.
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 3 }, new[] { 5, int.MinValue, int.MaxValue }), TestTensor.Int32(new[] { 3 }, new[] { 0, -1, -1 }),
            TestTensor.Int32(new[] { 3 }, null));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 0, int.MinValue, -int.MaxValue }, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32ScalarDivisorWithRelu6(string implementation)
    {
        // The audio preprocessor's shape: a [40] tensor divided by a constant scalar.
        int[] a = { -50, -1, 0, 9, 10, 25, 59, 60, 1000 };
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 9 }, a), TestTensor.Int32(Array.Empty<int>(), new[] { 10 }, isConstant: true), TestTensor.Int32(new[] { 9 }, null),
            ActivationFunctionType.RELU6);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        int[] expected = new int[a.Length];
        for (int i = 0; i < a.Length; i++) expected[i] = Math.Clamp(a[i] / 10, 0, 6);
        Assert.Equal(expected, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8IsWithinOneStepOfTheRealQuotient(string implementation)
    {
        // TFLM divides through a fixed-point reciprocal, which is not correctly rounded: allow one step.
        Random random = new Random(12);
        const float s1 = 0.5f, s2 = 0.05f, so = 0.25f;
        const int z1 = 10, z2 = -3, zo = 1;
        int[] shape = { 64 };
        sbyte[] a = BinaryOpHarness.RandomInt8(random, 64);
        sbyte[] b = BinaryOpHarness.RandomInt8(random, 64);
        for (int i = 0; i < 64; i++)
        {
            if (b[i] - z2 == 0) b[i] = 40;
        }
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(shape, a, s1, z1), TestTensor.Int8(shape, b, s2, z2), TestTensor.Int8(shape, null, so, zo));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(2);
        for (int i = 0; i < 64; i++)
        {
            double real = (a[i] - z1) * (double)s1 / ((b[i] - z2) * (double)s2) / so + zo;
            int expected = BinaryOpHarness.QuantizeReal(real, -128, 127, out _);
            Assert.InRange(actual[i], expected - 1, expected + 1);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ZeroDivisorGivesTheOutputZeroPoint(string implementation)
    {
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(new[] { 2 }, new sbyte[] { 50, -50 }, 1f, 0), TestTensor.Int8(new[] { 2 }, new sbyte[] { 4, 4 }, 1f, 4),
            TestTensor.Int8(new[] { 2 }, null, 1f, -7));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { -7, -7 }, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsUnsupportedTypes(string implementation)
    {
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int16(new[] { 4 }, null, 1f, 0), TestTensor.Int16(new[] { 4 }, null, 1f, 0), TestTensor.Int16(new[] { 4 }, null, 1f, 0));
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("type INT16 of output tensor 2 is not supported", runner.Errors.MessageText);
    }
}
