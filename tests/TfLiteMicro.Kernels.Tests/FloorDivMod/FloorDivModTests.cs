using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.FloorDivMod;

/// <summary>FLOOR_DIV and FLOOR_MOD: float32 as TFLM computes it, the int32 extension, broadcasting and errors.</summary>
public class FloorDivModTests
{
    /// <summary>TFLM: floor(double(a) / double(b)) narrowed to float.</summary>
    private static float ExpectedFloorDiv(float a, float b) => (float)Math.Floor((double)a / b);

    /// <summary>TFLM: the truncated remainder (exact, computed in double here) moved to the divisor's sign.</summary>
    private static float ExpectedFloorMod(float a, float b)
    {
        double truncated = (double)a % b;
        return (float)(truncated != 0 && (b < 0) != (truncated < 0) ? (float)truncated + b : truncated);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcastingMatchesTflmDefinitions(string implementation)
    {
        Random random = new Random(17);
        foreach (int[][] shapes in OpTestHarness.BroadcastCases)
        {
            float[] a = new float[OpTestHarness.Count(shapes[0])];
            float[] b = new float[OpTestHarness.Count(shapes[1])];
            for (int i = 0; i < a.Length; i++) a[i] = (float)(random.NextDouble() * 20 - 10);
            for (int i = 0; i < b.Length; i++) b[i] = (float)((random.NextDouble() * 3 + 0.25) * (random.Next(2) == 0 ? -1 : 1));
            foreach (BuiltinOperator op in new[] { BuiltinOperator.FLOOR_DIV, BuiltinOperator.FLOOR_MOD })
            {
                using KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(shapes[2]),
                    TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                float[] expected = OpTestHarness.Broadcast<float, float>(a, shapes[0], b, shapes[1], shapes[2],
                    op == BuiltinOperator.FLOOR_DIV ? ExpectedFloorDiv : ExpectedFloorMod);
                Assert.Equal(expected, runner.Get<float>(2));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSignsAndExactMultiples(string implementation)
    {
        float[] a = { 7f, -7f, 7f, -7f, 6f, -6f, 0.5f, 1e30f };
        float[] b = { 2f, 2f, -2f, -2f, 3f, 3f, 1e-3f, 3f };
        using KernelRunner div = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_DIV, TestTensor.Float(new[] { 8 }),
            TestTensor.Float(new[] { 8 }, a), TestTensor.Float(new[] { 8 }, b));
        Assert.Equal(Status.Ok, div.InitAndPrepare());
        Assert.Equal(Status.Ok, div.Invoke());
        Assert.Equal(new[] { 3f, -4f, -4f, 3f, 2f, -2f, ExpectedFloorDiv(0.5f, 1e-3f), ExpectedFloorDiv(1e30f, 3f) }, div.Get<float>(2));
        using KernelRunner mod = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_MOD, TestTensor.Float(new[] { 8 }),
            TestTensor.Float(new[] { 8 }, a), TestTensor.Float(new[] { 8 }, b));
        Assert.Equal(Status.Ok, mod.InitAndPrepare());
        Assert.Equal(Status.Ok, mod.Invoke());
        float[] result = mod.Get<float>(2);
        Assert.Equal(new[] { 1f, 1f, -1f, -1f, 0f, 0f }, result[..6]);
        Assert.Equal(ExpectedFloorMod(0.5f, 1e-3f), result[6]);
        Assert.Equal(ExpectedFloorMod(1e30f, 3f), result[7]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32FloorsTowardNegativeInfinity(string implementation)
    {
        int[] a = { 7, -7, 7, -7, int.MinValue, int.MinValue, int.MaxValue, 0 };
        int[] b = { 2, 2, -2, -2, -1, 3, -5, -3 };
        using KernelRunner div = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_DIV, TestTensor.Int32(new[] { 8 }, null),
            TestTensor.Int32(new[] { 8 }, a), TestTensor.Int32(new[] { 8 }, b));
        Assert.Equal(Status.Ok, div.InitAndPrepare());
        Assert.Equal(Status.Ok, div.Invoke());
        int[] expectedDiv = new int[8];
        int[] expectedMod = new int[8];
        for (int i = 0; i < 8; i++)
        {
            long q = (long)Math.Floor((double)a[i] / b[i]);
            expectedDiv[i] = unchecked((int)q); // int.MinValue / -1 wraps
            expectedMod[i] = (int)(a[i] - q * (long)b[i]);
        }
        Assert.Equal(expectedDiv, div.Get<int>(2));
        using KernelRunner mod = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_MOD, TestTensor.Int32(new[] { 8 }, null),
            TestTensor.Int32(new[] { 8 }, a), TestTensor.Int32(new[] { 8 }, b));
        Assert.Equal(Status.Ok, mod.InitAndPrepare());
        Assert.Equal(Status.Ok, mod.Invoke());
        Assert.Equal(expectedMod, mod.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ZeroDivisors(string implementation)
    {
        using (KernelRunner div = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_DIV, TestTensor.Float(new[] { 3 }),
            TestTensor.Float(new[] { 3 }, new[] { 1f, 2f, 3f }), TestTensor.Float(new[] { 3 }, new[] { 1f, -0f, 3f })))
        {
            Assert.Equal(Status.Ok, div.InitAndPrepare());
            Assert.Equal(Status.Error, div.Invoke());
            Assert.Contains("division by 0: element 1 of input 2", div.Errors.MessageText);
        }
        using (KernelRunner mod = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_MOD, TestTensor.Float(new[] { 2 }),
            TestTensor.Float(new[] { 2 }, new[] { 1f, 2f }), TestTensor.Float(new[] { 2 }, new[] { 0f, 3f })))
        {
            // TFLM's float FLOOR_MOD does not check: fmod by zero is NaN.
            Assert.Equal(Status.Ok, mod.InitAndPrepare());
            Assert.Equal(Status.Ok, mod.Invoke());
            Assert.True(float.IsNaN(mod.Get<float>(2)[0]));
        }
        using (KernelRunner mod = OpTestHarness.Runner(implementation, BuiltinOperator.FLOOR_MOD, TestTensor.Int32(new[] { 2 }, null),
            TestTensor.Int32(new[] { 2 }, new[] { 1, 2 }), TestTensor.Int32(new[] { 2 }, new[] { 4, 0 })))
        {
            Assert.Equal(Status.Ok, mod.InitAndPrepare());
            Assert.Equal(Status.Error, mod.Invoke());
            Assert.Contains("modulo by 0: element 1", mod.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareErrors(string implementation)
    {
        foreach (BuiltinOperator op in new[] { BuiltinOperator.FLOOR_DIV, BuiltinOperator.FLOOR_MOD })
        {
            using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Int8(new[] { 2 }, null, 0.1f, 0),
                TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0)))
            {
                Assert.Equal(Status.Error, runner.InitAndPrepare());
                Assert.Contains("type INT8 of input 1 tensor 0 is not supported", runner.Errors.MessageText);
            }
            using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 2 }),
                TestTensor.Float(new[] { 2 }), TestTensor.Int32(new[] { 2 }, null)))
            {
                Assert.Equal(Status.Error, runner.InitAndPrepare());
                Assert.Contains("input 2 tensor 1 has type INT32, expected FLOAT32", runner.Errors.MessageText);
            }
            using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 3 }),
                TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 })))
            {
                Assert.Equal(Status.Error, runner.InitAndPrepare());
                Assert.Contains("is not the broadcast of", runner.Errors.MessageText);
            }
        }
    }
}
