using System;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.MaximumMinimum;

/// <summary>MAXIMUM and MINIMUM over float32, int8, int16, int32, int64 with broadcasting.</summary>
public class MaximumMinimumTests
{
    private static void Check<T>(string implementation, BuiltinOperator op, Func<int[], T[]?, TestTensor> make, Func<Random, int, T[]> random,
        Func<T, T, T> reference) where T : unmanaged
    {
        Random rng = new Random(op == BuiltinOperator.MAXIMUM ? 1 : 2);
        foreach (int[][] shapes in Add.AddTests.BroadcastCases)
        {
            T[] a = random(rng, BinaryOpHarness.Count(shapes[0]));
            T[] b = random(rng, BinaryOpHarness.Count(shapes[1]));
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, op, make(shapes[0], a), make(shapes[1], b), make(shapes[2], null));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(BinaryOpHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], reference), runner.Get<T>(2));
        }
    }

    private static long[] RandomInt64(Random random, int count)
    {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) values[i] = random.NextInt64(long.MinValue, long.MaxValue);
        return values;
    }

    private static int[] RandomInt32(Random random, int count)
    {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(int.MinValue, int.MaxValue);
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void EveryTypeBroadcasts(string implementation)
    {
        foreach (BuiltinOperator op in new[] { BuiltinOperator.MAXIMUM, BuiltinOperator.MINIMUM })
        {
            bool max = op == BuiltinOperator.MAXIMUM;
            Check(implementation, op, (s, d) => TestTensor.Float(s, d), (r, n) => BinaryOpHarness.RandomFloats(r, n),
                (x, y) => max ? (x > y ? x : y) : (x < y ? x : y));
            Check(implementation, op, (s, d) => TestTensor.Int8(s, d, 0.1f, 3), BinaryOpHarness.RandomInt8,
                (x, y) => max ? Math.Max(x, y) : Math.Min(x, y));
            Check(implementation, op, (s, d) => TestTensor.Int16(s, d, 0.1f, 0), BinaryOpHarness.RandomInt16,
                (x, y) => max ? Math.Max(x, y) : Math.Min(x, y));
            Check(implementation, op, (s, d) => TestTensor.Int32(s, d), RandomInt32,
                (x, y) => max ? Math.Max(x, y) : Math.Min(x, y));
            Check(implementation, op, (s, d) => TestTensor.Int64(s, d), RandomInt64,
                (x, y) => max ? Math.Max(x, y) : Math.Min(x, y));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void NaNPicksTheSecondOperandLikeTflm(string implementation)
    {
        // TFLM: max = a > b ? a : b and min = a < b ? a : b, so a NaN in either place yields input 2.
        foreach (BuiltinOperator op in new[] { BuiltinOperator.MAXIMUM, BuiltinOperator.MINIMUM })
        {
            using KernelRunner runner = BinaryOpHarness.Runner(implementation, op,
                TestTensor.Float(new[] { 2 }, new[] { float.NaN, 1f }), TestTensor.Float(new[] { 2 }, new[] { 1f, float.NaN }), TestTensor.Float(new[] { 2 }));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] result = runner.Get<float>(2);
            Assert.Equal(1f, result[0]);
            Assert.True(float.IsNaN(result[1]));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareRejectsMixedAndUnsupportedTypes(string implementation)
    {
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, BuiltinOperator.MAXIMUM,
            TestTensor.Int32(new[] { 2 }, null), TestTensor.Int64(new[] { 2 }, null), TestTensor.Int32(new[] { 2 }, null)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("input 2 tensor 1 has type INT64, expected INT32", runner.Errors.MessageText);
        }
        using (KernelRunner runner = BinaryOpHarness.Runner(implementation, BuiltinOperator.MINIMUM,
            new TestTensor(TensorType.Bool, new[] { 2 }), new TestTensor(TensorType.Bool, new[] { 2 }), new TestTensor(TensorType.Bool, new[] { 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("type BOOL of output tensor 2 is not supported", runner.Errors.MessageText);
        }
    }
}
