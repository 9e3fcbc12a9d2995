using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Comparisons;

/// <summary>
/// EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL: every type, broadcasting against naive indexing,
/// NaN semantics, quantized inputs against their real values, and Prepare errors.
/// </summary>
public class ComparisonTests
{
    private static readonly BuiltinOperator[] Ops =
    {
        BuiltinOperator.EQUAL, BuiltinOperator.NOT_EQUAL, BuiltinOperator.GREATER,
        BuiltinOperator.GREATER_EQUAL, BuiltinOperator.LESS, BuiltinOperator.LESS_EQUAL,
    };

    public static TheoryData<string, BuiltinOperator> AllOps()
    {
        var data = new TheoryData<string, BuiltinOperator>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            foreach (BuiltinOperator op in Ops) data.Add((string)implementation[0], op);
        }
        return data;
    }

    /// <summary>The C++ comparison, written out per op (so NaN gives false except for !=).</summary>
    private static bool Compare(BuiltinOperator op, double a, double b) => op switch
    {
        BuiltinOperator.EQUAL => a == b,
        BuiltinOperator.NOT_EQUAL => a != b,
        BuiltinOperator.GREATER => a > b,
        BuiltinOperator.GREATER_EQUAL => a >= b,
        BuiltinOperator.LESS => a < b,
        _ => a <= b,
    };

    private static bool[] Run(KernelRunner runner, int outputIndex)
    {
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return OpTestHarness.GetBools(runner, outputIndex);
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void FloatWithBroadcastingAndNaN(string implementation, BuiltinOperator op)
    {
        Random random = new Random(1);
        foreach (int[][] shapes in OpTestHarness.BroadcastCases)
        {
            float[] a = new float[OpTestHarness.Count(shapes[0])];
            float[] b = new float[OpTestHarness.Count(shapes[1])];
            // Few distinct values so equality happens; NaN and signed zeros included.
            float[] pool = { -1f, 0f, -0f, 0.5f, 2f, float.NaN, float.PositiveInfinity };
            for (int i = 0; i < a.Length; i++) a[i] = pool[random.Next(pool.Length)];
            for (int i = 0; i < b.Length; i++) b[i] = pool[random.Next(pool.Length)];
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(shapes[2]),
                TestTensor.Float(shapes[0], a), TestTensor.Float(shapes[1], b));
            bool[] expected = OpTestHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2], (x, y) => Compare(op, x, y));
            Assert.Equal(expected, Run(runner, 2));
        }
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Int32AndInt64IncludingExtremes(string implementation, BuiltinOperator op)
    {
        int[] a32 = { int.MinValue, -1, 0, 5, int.MaxValue, 7 };
        int[] b32 = { int.MaxValue, -1, 1, 5, int.MinValue, -7 };
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 2, 3 }),
            TestTensor.Int32(new[] { 2, 3 }, a32), TestTensor.Int32(new[] { 2, 3 }, b32)))
        {
            bool[] expected = new bool[6];
            for (int i = 0; i < 6; i++) expected[i] = Compare(op, a32[i], b32[i]);
            Assert.Equal(expected, Run(runner, 2));
        }
        long[] a64 = { long.MinValue, long.MaxValue, 1L << 40, -(1L << 40) };
        long[] b64 = { 3, long.MaxValue - 1, 1L << 40 };
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 4, 3 }),
            TestTensor.Int64(new[] { 4, 1 }, a64), TestTensor.Int64(new[] { 3 }, b64)))
        {
            // Compared as integers: doubles could not tell long.MaxValue from long.MaxValue - 1.
            bool[] expected = OpTestHarness.Broadcast(a64, new[] { 4, 1 }, b64, new[] { 3 }, new[] { 4, 3 },
                (x, y) => Compare(op, x.CompareTo(y), 0));
            Assert.Equal(expected, Run(runner, 2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void BoolEqualityBroadcastsAndNormalisesBytes(string implementation)
    {
        byte[] a = { 0, 1, 7, 255 };
        byte[] b = { 1, 0, 0 };
        foreach (BuiltinOperator op in new[] { BuiltinOperator.EQUAL, BuiltinOperator.NOT_EQUAL })
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 4, 3 }),
                OpTestHarness.BoolBytes(new[] { 4, 1 }, a), OpTestHarness.BoolBytes(new[] { 1, 3 }, b));
            bool[] expected = OpTestHarness.Broadcast(a, new[] { 4, 1 }, b, new[] { 1, 3 }, new[] { 4, 3 },
                (x, y) => (x != 0) == (y != 0) == (op == BuiltinOperator.EQUAL));
            Assert.Equal(expected, Run(runner, 2));
        }
        // Orderings of bools are not defined by TFLM.
        using KernelRunner greater = OpTestHarness.Runner(implementation, BuiltinOperator.GREATER, OpTestHarness.Bool(new[] { 4 }),
            OpTestHarness.Bool(new[] { 4 }), OpTestHarness.Bool(new[] { 4 }));
        Assert.Equal(Status.Error, greater.InitAndPrepare());
        Assert.Contains("type BOOL of input 1 tensor 0 is not supported", greater.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Int8ComparesRealValuesAcrossScalesAndZeroPoints(string implementation, BuiltinOperator op)
    {
        (float S1, int Z1, float S2, int Z2)[] quantizations =
        {
            (0.02f, -3, 0.03f, 7),   // the golden models' parameters
            (0.05f, 0, 0.05f, 0),    // identical quantization: equal codes are equal values
            (0.5f, 100, 0.25f, -100),
        };
        sbyte[] a = new sbyte[256];
        for (int i = 0; i < 256; i++) a[i] = (sbyte)(i - 128);
        Random random = new Random(12);
        foreach (var q in quantizations)
        {
            sbyte[] b = new sbyte[256];
            for (int i = 0; i < 256; i++) b[i] = (sbyte)random.Next(-128, 128);
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 256 }),
                TestTensor.Int8(new[] { 256 }, a, q.S1, q.Z1), TestTensor.Int8(new[] { 256 }, b, q.S2, q.Z2));
            bool[] actual = Run(runner, 2);
            for (int i = 0; i < 256; i++)
            {
                double realA = (a[i] - q.Z1) * (double)q.S1;
                double realB = (b[i] - q.Z2) * (double)q.S2;
                // Both sides are rescaled in fixed point first; only pairs clearly apart (or exactly equal codes
                // under one quantization) have a certain answer.
                bool certain = Math.Abs(realA - realB) > 1e-3 || (q.S1 == q.S2 && q.Z1 == q.Z2);
                if (certain) Assert.Equal(Compare(op, realA, realB), actual[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Int16IsRescaledLikeInt8WithBroadcasting(string implementation, BuiltinOperator op)
    {
        // TFLM evaluates int16 only for GREATER (and leaves its rescaling unset); here all six rescale it.
        short[] a = { -32768, -1000, 0, 1000, 32767, 4096 };
        short[] b = { 2048, -2000 };
        const float s1 = 0.000244140625f;
        const float s2 = 0.00048828125f;
        using KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 6, 2 }),
            TestTensor.Int16(new[] { 6, 1 }, a, s1, 0), TestTensor.Int16(new[] { 2 }, b, s2, 0));
        bool[] expected = OpTestHarness.Broadcast(a, new[] { 6, 1 }, b, new[] { 2 }, new[] { 6, 2 },
            (x, y) => Compare(op, x * (double)s1, y * (double)s2));
        Assert.Equal(expected, Run(runner, 2));
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void PrepareErrors(string implementation, BuiltinOperator op)
    {
        (TestTensor A, TestTensor B, TestTensor Output, string Message)[] cases =
        {
            (TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }), "output tensor 2 has type FLOAT32, expected BOOL"),
            (TestTensor.Float(new[] { 2 }), TestTensor.Int32(new[] { 2 }, null), OpTestHarness.Bool(new[] { 2 }), "input 2 tensor 1 has type INT32, expected FLOAT32"),
            (TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 3 }), OpTestHarness.Bool(new[] { 2 }), "is not the broadcast of"),
            (TestTensor.Int8(new[] { 2 }, null, 1.5f, 0), TestTensor.Int8(new[] { 2 }, null, 0.5f, 0), OpTestHarness.Bool(new[] { 2 }), "scale 1.5 must be in (0, 1)"),
            (new TestTensor(TensorType.Int8, new[] { 2 }), TestTensor.Int8(new[] { 2 }, null, 0.5f, 0), OpTestHarness.Bool(new[] { 2 }), "has no quantization parameters"),
            (new TestTensor(TensorType.UInt8, new[] { 2 }), new TestTensor(TensorType.UInt8, new[] { 2 }), OpTestHarness.Bool(new[] { 2 }), "type UINT8 of input 1 tensor 0 is not supported"),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, c.Output, c.A, c.B);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains(c.Message, runner.Errors.MessageText);
        }
    }
}
