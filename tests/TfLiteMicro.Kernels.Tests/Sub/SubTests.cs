using System;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Sub;

/// <summary>SUB: float32, int32, int8, int16, broadcasting, fused activations and Prepare errors.</summary>
public class SubTests
{
    private const BuiltinOperator Op = BuiltinOperator.SUB;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcastingWithActivations(string implementation)
    {
        Random random = new Random(3);
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
                float[] a = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[0]), 8f);
                float[] b = BinaryOpHarness.RandomFloats(random, BinaryOpHarness.Count(shapes[1]), 8f);
                using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                    TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b), TestTensor.Float(shapes[2]), activation);
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(BinaryOpHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => Math.Min(Math.Max(x - y, min), max)),
                    runner.Get<float>(2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32SubtractsWithWrapAndAppliesTheActivation(string implementation)
    {
        int[] a = { int.MinValue, 10, 3, -4, 100 };
        int[] b = { 1, 2, 5, -20, 1 };
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 5 }, a), TestTensor.Int32(new[] { 5 }, b), TestTensor.Int32(new[] { 5 }, null)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            int[] expected = new int[5];
            for (int i = 0; i < 5; i++) expected[i] = unchecked(a[i] - b[i]);
            Assert.Equal(expected, runner.Get<int>(2));
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 5 }, a), TestTensor.Int32(new[] { 5 }, b), TestTensor.Int32(new[] { 5 }, null), ActivationFunctionType.RELU6))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            int[] expected = new int[5];
            for (int i = 0; i < 5; i++) expected[i] = Math.Clamp(unchecked(a[i] - b[i]), 0, 6);
            Assert.Equal(expected, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndInt16MatchRealArithmetic(string implementation)
    {
        Random random = new Random(21);
        foreach (int[][] shapes in Add.AddTests.BroadcastCases)
        {
            sbyte[] a = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[0]));
            sbyte[] b = BinaryOpHarness.RandomInt8(random, BinaryOpHarness.Count(shapes[1]));
            const float s1 = 0.031f, s2 = 0.047f, so = 0.06f;
            const int z1 = 5, z2 = -9, zo = 2;
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
                    double real = ((a[ia[i]] - z1) * (double)s1 - (b[ib[i]] - z2) * (double)s2) / so + zo;
                    int expected = BinaryOpHarness.QuantizeReal(real, -128, 127, out bool nearTie);
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }

            short[] c = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[0]));
            short[] d = BinaryOpHarness.RandomInt16(random, BinaryOpHarness.Count(shapes[1]));
            c[0] = short.MaxValue;
            d[0] = short.MinValue;
            const float t1 = 0.0012f, t2 = 0.0009f, to = 0.0025f;
            using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
                TestTensor.Int16(shapes[0], c, t1, 0), TestTensor.Int16(shapes[1], d, t2, 0), TestTensor.Int16(shapes[2], null, to, 0)))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                short[] actual = runner.Get<short>(2);
                int[] ia = BinaryOpHarness.SourceIndices(shapes[0], shapes[2]);
                int[] ib = BinaryOpHarness.SourceIndices(shapes[1], shapes[2]);
                for (int i = 0; i < actual.Length; i++)
                {
                    double real = (c[ia[i]] * (double)t1 - d[ib[i]] * (double)t2) / to;
                    int expected = BinaryOpHarness.QuantizeReal(real, short.MinValue, short.MaxValue, out bool nearTie);
                    if (nearTie) Assert.InRange(actual[i], expected - 1, expected + 1);
                    else Assert.Equal(expected, actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ReluClampsAtTheOutputZeroPoint(string implementation)
    {
        sbyte[] a = { -100, 0, 10, 127 };
        sbyte[] b = { 20, 5, 3, -128 };
        using KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(new[] { 4 }, a, 1f, 0), TestTensor.Int8(new[] { 4 }, b, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 7),
            ActivationFunctionType.RELU);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] expected = new sbyte[4];
        for (int i = 0; i < 4; i++) expected[i] = (sbyte)Math.Clamp(a[i] - b[i] + 7, 7, 127);
        Assert.Equal(expected, runner.Get<sbyte>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsBadTypesAndQuantization(string implementation)
    {
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int16(new[] { 4 }, null, 1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has type INT16, expected INT8", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            TestTensor.Int32(new[] { 4 }, null), TestTensor.Int32(new[] { 4 }, null), TestTensor.Int32(new[] { 4 }, null, 2f)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("int32 SUB supports only unquantized tensors", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            new TestTensor(TensorType.Int8, new[] { 4 }), TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("quantized SUB needs quantization parameters", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, Op,
            new TestTensor(TensorType.Bool, new[] { 4 }), new TestTensor(TensorType.Bool, new[] { 4 }), new TestTensor(TensorType.Bool, new[] { 4 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("type BOOL of output tensor 2 is not supported", runner.Errors.MessageText);
        }
    }
}
