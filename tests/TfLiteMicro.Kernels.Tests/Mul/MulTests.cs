using System;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Mul;

/// <summary>MUL: float32, int32, int8, int16, broadcasting, fused activations and Prepare errors.</summary>
public class MulTests
{
    private const BuiltinOperator Op = BuiltinOperator.MUL;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcastingWithActivations(string implementation)
    {
        Random random = new Random(4);
        (ActivationFunctionType Activation, float Min, float Max)[] activations =
        {
            (ActivationFunctionType.NONE, float.MinValue, float.MaxValue),
            (ActivationFunctionType.RELU, 0f, float.MaxValue),
            (ActivationFunctionType.RELU_N1_TO_1, -1f, 1f),
            (ActivationFunctionType.RELU6, 0f, 6f),
        };
        foreach (int[][] shapes in Add.AddTests.BroadcastCases)
        {
            foreach (var (activation, min, max) in activations)
            {
                float[] a = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[0]), 4f);
                float[] b = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[1]), 4f);
                using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                    TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b), TestTensor.Float(shapes[2]), activation);
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(BinaryOpHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => Math.Min(Math.Max(x * y, min), max)),
                    runner.Get<float>(2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32WrapsAndClamps(string implementation)
    {
        int[] a = { 65536, -3, 2, 0, -1 };
        int[] b = { 65536, 4, 1, 9, 1 };
        foreach (var (activation, min, max) in new[] { (ActivationFunctionType.NONE, int.MinValue, int.MaxValue), (ActivationFunctionType.RELU_N1_TO_1, -1, 1) })
        {
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Int32(new[] { 5 }, a), TestTensor.Int32(new[] { 5 }, b), TestTensor.Int32(new[] { 5 }, null), activation);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            int[] expected = new int[5];
            for (int i = 0; i < 5; i++) expected[i] = Math.Clamp(unchecked(a[i] * b[i]), min, max);
            Assert.Equal(expected, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndInt16MatchRealArithmetic(string implementation)
    {
        Random random = new Random(8);
        foreach (int[][] shapes in Add.AddTests.BroadcastCases)
        {
            sbyte[] a = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[0]));
            sbyte[] b = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[1]));
            const float s1 = 0.02f, s2 = 0.035f, so = 0.09f;
            const int z1 = -3, z2 = 11, zo = -20;
            using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Int8(shapes[0], a, s1, z1), TestTensor.Int8(shapes[1], b, s2, z2), TestTensor.Int8(shapes[2], null, so, zo)))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                sbyte[] actual = runner.Get<sbyte>(2);
                int[] ia = BinaryOpHarness.SourceIndices(shapes[0], shapes[2]);
                int[] ib = BinaryOpHarness.SourceIndices(shapes[1], shapes[2]);
                for (int i = 0; i < actual.Length; i++)
                {
                    double real = (a[ia[i]] - z1) * (double)s1 * ((b[ib[i]] - z2) * (double)s2) / so + zo;
                    int expected = BinaryOpHarness.QuantizeReal(real, -128, 127, out bool nearTie);
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }

            short[] c = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[0]));
            short[] d = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[1]));
            c[0] = short.MinValue;
            d[0] = short.MinValue;
            const float t1 = 1f / 4096, t2 = 1f / 8192, to = 1f / 1024;
            using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Int16(shapes[0], c, t1, 0), TestTensor.Int16(shapes[1], d, t2, 0), TestTensor.Int16(shapes[2], null, to, 0),
                ActivationFunctionType.RELU6))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                short[] actual = runner.Get<short>(2);
                int[] ia = BinaryOpHarness.SourceIndices(shapes[0], shapes[2]);
                int[] ib = BinaryOpHarness.SourceIndices(shapes[1], shapes[2]);
                for (int i = 0; i < actual.Length; i++)
                {
                    double real = c[ia[i]] * (double)t1 * (d[ib[i]] * (double)t2) / to;
                    int expected = BinaryOpHarness.QuantizeReal(real, 0, 6 * 1024, out bool nearTie);
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsInt16ZeroPointsAndMixedTypes(string implementation)
    {
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int16(new[] { 4 }, null, 0.5f, 0), TestTensor.Int16(new[] { 4 }, null, 0.5f, 3), TestTensor.Int16(new[] { 4 }, null, 0.5f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("int16 MUL needs zero points of 0, got 0, 3 and 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 }), TestTensor.Int8(new[] { 4 }, null, 1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has type INT8, expected FLOAT32", runner.Errors.MessageText);
        }
    }
}
