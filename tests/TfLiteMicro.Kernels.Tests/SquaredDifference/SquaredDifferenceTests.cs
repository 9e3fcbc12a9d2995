using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.SquaredDifference;

/// <summary>SQUARED_DIFFERENCE: float32, int32, int8, int16 with broadcasting; quantized against real values.</summary>
public class SquaredDifferenceTests
{
    private const BuiltinOperator Op = BuiltinOperator.SQUARED_DIFFERENCE;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatBroadcasting(string implementation)
    {
        Random random = new Random(23);
        foreach (int[][] shapes in OpTestHarness.BroadcastCases)
        {
            float[] a = new float[OpTestHarness.Count(shapes[0])];
            float[] b = new float[OpTestHarness.Count(shapes[1])];
            for (int i = 0; i < a.Length; i++) a[i] = (float)(random.NextDouble() * 8 - 4);
            for (int i = 0; i < b.Length; i++) b[i] = (float)(random.NextDouble() * 8 - 4);
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Float(shapes[2]),
                TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(OpTestHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => (x - y) * (x - y)), runner.Get<float>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32WrapsLikeTheCpp(string implementation)
    {
        int[] a = { 3, -4, 100000, int.MaxValue };
        int[] b = { 5, 4, -100000, -1 };
        using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int32(new[] { 4 }, null),
            TestTensor.Int32(new[] { 4 }, a), TestTensor.Int32(new[] { 4 }, b));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        int[] expected = new int[4];
        for (int i = 0; i < 4; i++)
        {
            long difference = (long)a[i] - b[i];
            expected[i] = unchecked((int)(uint)(ulong)(difference * difference)); // low 32 bits of the square
            int wrapped = unchecked(a[i] - b[i]);
            Assert.Equal(unchecked(wrapped * wrapped), expected[i]);
        }
        Assert.Equal(new[] { 4, 64, unchecked((int)40000000000L), expected[3] }, runner.Get<int>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8MatchesRealArithmetic(string implementation)
    {
        (float S1, int Z1, float S2, int Z2, float So, int Zo)[] quantizations =
        {
            (0.02f, -3, 0.03f, 7, 0.1f, -128), // the golden model's parameters
            (0.05f, 0, 0.05f, 0, 0.2f, -100),
            (0.01f, 20, 0.04f, -50, 0.05f, -128),
        };
        Random random = new Random(3);
        foreach (var q in quantizations)
        {
            foreach (int[][] shapes in OpTestHarness.BroadcastCases)
            {
                sbyte[] a = new sbyte[OpTestHarness.Count(shapes[0])];
                sbyte[] b = new sbyte[OpTestHarness.Count(shapes[1])];
                for (int i = 0; i < a.Length; i++) a[i] = (sbyte)random.Next(-128, 128);
                for (int i = 0; i < b.Length; i++) b[i] = (sbyte)random.Next(-128, 128);
                using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int8(shapes[2], null, q.So, q.Zo),
                    TestTensor.Int8(shapes[0], a, q.S1, q.Z1), TestTensor.Int8(shapes[1], b, q.S2, q.Z2));
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                double[] real = OpTestHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) =>
                {
                    double d = (x - q.Z1) * (double)q.S1 - (y - q.Z2) * (double)q.S2;
                    return d * d / q.So + q.Zo;
                });
                sbyte[] actual = runner.Get<sbyte>(2);
                for (int i = 0; i < actual.Length; i++)
                {
                    // Inputs are rescaled to 2^7 / (2 · max scale) steps before squaring: a step or so of error.
                    Assert.True(Math.Abs(actual[i] - Math.Clamp(real[i], -128, 127)) <= 1.0, "real " + real[i] + " got " + actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16MatchesRealArithmeticAndNeedsZeroPointsZero(string implementation)
    {
        Random random = new Random(30);
        short[] a = new short[40];
        short[] b = new short[40];
        for (int i = 0; i < 40; i++)
        {
            a[i] = (short)random.Next(-32768, 32768);
            b[i] = (short)random.Next(-32768, 32768);
        }
        const float s1 = 0.000244140625f;
        const float s2 = 0.0003f;
        const float so = 0.003906f;
        using (KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int16(new[] { 40 }, null, so, 0),
            TestTensor.Int16(new[] { 40 }, a, s1, 0), TestTensor.Int16(new[] { 40 }, b, s2, 0)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            short[] actual = runner.Get<short>(2);
            for (int i = 0; i < 40; i++)
            {
                double d = a[i] * (double)s1 - b[i] * (double)s2;
                double real = Math.Clamp(d * d / so, -32768, 32767);
                // No left shift for int16: each input is rounded to a unit u = 2 · max scale before squaring, so the
                // difference is off by up to one unit and the square by up to 2|d|u + u², plus the final rounding.
                double u = 2 * (double)Math.Max(s1, s2);
                double bound = (2 * Math.Abs(d) * u + u * u) / so + 1.0;
                Assert.True(Math.Abs(actual[i] - real) <= bound, "real " + real + " got " + actual[i]);
            }
        }
        using (KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int16(new[] { 2 }, null, so, 0),
            TestTensor.Int16(new[] { 2 }, null, s1, 1), TestTensor.Int16(new[] { 2 }, null, s2, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("int16 zero points must be 0", runner.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareErrors(string implementation)
    {
        (TestTensor A, TestTensor B, TestTensor Output, string Message)[] cases =
        {
            (TestTensor.Float(new[] { 2 }), TestTensor.Int32(new[] { 2 }, null), TestTensor.Float(new[] { 2 }), "input 2 tensor 1 has type INT32"),
            (TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }), TestTensor.Int32(new[] { 2 }, null), "output tensor 2 has type INT32"),
            (TestTensor.Int64(new[] { 2 }, null), TestTensor.Int64(new[] { 2 }, null), TestTensor.Int64(new[] { 2 }, null), "type INT64 of input 1 tensor 0 is not supported"),
            (new TestTensor(TensorType.Int8, new[] { 2 }), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), "needs quantization parameters"),
            (TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2 }, null, 0f, 0), "output scale 0 must be positive"),
            (TestTensor.Float(new[] { 2, 3 }), TestTensor.Float(new[] { 3, 2 }), TestTensor.Float(new[] { 2, 3 }), "is not the broadcast of"),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, c.Output, c.A, c.B);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains(c.Message, runner.Errors.MessageText);
        }
    }
}
