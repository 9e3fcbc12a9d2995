using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.SelectV2;

/// <summary>SELECT_V2: three-way broadcasting against naive indexing for every value type, scalars, errors.</summary>
public class SelectV2Tests
{
    private const BuiltinOperator Op = BuiltinOperator.SELECT_V2;

    /// <summary>(condition, x, y, output) shapes.</summary>
    private static readonly int[][][] Shapes =
    {
        new[] { new[] { 2, 3, 4 }, new[] { 2, 3, 4 }, new[] { 2, 3, 4 }, new[] { 2, 3, 4 } },
        new[] { new[] { 1, 3, 1 }, new[] { 2, 3, 4 }, new[] { 1 }, new[] { 2, 3, 4 } },
        new[] { new[] { 4 }, new[] { 3, 1 }, new[] { 2, 1, 1 }, new[] { 2, 3, 4 } },
        new[] { Array.Empty<int>(), new[] { 2, 2 }, new[] { 2, 1 }, new[] { 2, 2 } },
        new[] { new[] { 2, 1, 2, 1, 2 }, new[] { 1, 2, 1, 2, 1 }, new[] { 2, 2, 2, 2, 2 }, new[] { 2, 2, 2, 2, 2 } },
        new[] { new[] { 1, 1, 3 }, new[] { 3 }, new[] { 3 }, new[] { 3 } },
    };

    private static T[] Expected<T>(bool[] condition, int[] conditionShape, T[] x, int[] xShape, T[] y, int[] yShape, int[] outputShape)
    {
        int[] ic = OpTestHarness.SourceIndices(conditionShape, outputShape);
        int[] ix = OpTestHarness.SourceIndices(xShape, outputShape);
        int[] iy = OpTestHarness.SourceIndices(yShape, outputShape);
        T[] result = new T[ic.Length];
        for (int i = 0; i < result.Length; i++) result[i] = condition[ic[i]] ? x[ix[i]] : y[iy[i]];
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void BroadcastsAllThreeOperands(string implementation)
    {
        Random random = new Random(27);
        foreach (int[][] s in Shapes)
        {
            bool[] condition = OpTestHarness.RandomBools(random, OpTestHarness.Count(s[0]));
            int nx = OpTestHarness.Count(s[1]);
            int ny = OpTestHarness.Count(s[2]);

            float[] fx = new float[nx];
            float[] fy = new float[ny];
            for (int i = 0; i < nx; i++) fx[i] = (float)random.NextDouble();
            for (int i = 0; i < ny; i++) fy[i] = -(float)random.NextDouble();
            fx[0] = float.NaN; // copied bit for bit
            using (KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Float(s[3]),
                OpTestHarness.Bool(s[0], condition), TestTensor.Float(s[1], fx), TestTensor.Float(s[2], fy)))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(Expected(condition, s[0], fx, s[1], fy, s[2], s[3]), runner.Get<float>(3));
            }

            sbyte[] bx = new sbyte[nx];
            sbyte[] by = new sbyte[ny];
            for (int i = 0; i < nx; i++) bx[i] = (sbyte)random.Next(-128, 128);
            for (int i = 0; i < ny; i++) by[i] = (sbyte)random.Next(-128, 128);
            using (KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int8(s[3], null, 0.02f, -3),
                OpTestHarness.Bool(s[0], condition), TestTensor.Int8(s[1], bx, 0.02f, -3), TestTensor.Int8(s[2], by, 0.02f, -3)))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(Expected(condition, s[0], bx, s[1], by, s[2], s[3]), runner.Get<sbyte>(3));
            }

            short[] hx = new short[nx];
            short[] hy = new short[ny];
            for (int i = 0; i < nx; i++) hx[i] = (short)random.Next(-32768, 32768);
            for (int i = 0; i < ny; i++) hy[i] = (short)random.Next(-32768, 32768);
            using (KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Int16(s[3], null, 0.001f, 0),
                OpTestHarness.Bool(s[0], condition), TestTensor.Int16(s[1], hx, 0.001f, 0), TestTensor.Int16(s[2], hy, 0.001f, 0)))
            {
                Assert.Equal(Status.Ok, runner.InitAndPrepare());
                Assert.Equal(Status.Ok, runner.Invoke());
                Assert.Equal(Expected(condition, s[0], hx, s[1], hy, s[2], s[3]), runner.Get<short>(3));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OneElementOperandsOfAnyRankAreAccepted(string implementation)
    {
        // TFLM's special case: all four hold one element, shapes notwithstanding.
        using KernelRunner runner = OpTestHarness.Runner(implementation, Op, TestTensor.Float(new[] { 1, 1 }),
            OpTestHarness.BoolBytes(new[] { 1, 1, 1 }, new byte[] { 9 }), TestTensor.Float(new[] { 1 }, new[] { 4f }),
            TestTensor.Float(Array.Empty<int>(), new[] { -4f }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { 4f }, runner.Get<float>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void PrepareErrors(string implementation)
    {
        int[] shape = { 2, 2 };
        (TestTensor[] Inputs, TestTensor Output, string Message)[] cases =
        {
            (new[] { TestTensor.Float(shape), TestTensor.Float(shape), TestTensor.Float(shape) }, TestTensor.Float(shape), "condition tensor 0 has type FLOAT32, expected BOOL"),
            (new[] { OpTestHarness.Bool(shape), TestTensor.Float(shape), TestTensor.Int32(shape, null) }, TestTensor.Float(shape), "y tensor 2 has type INT32, expected FLOAT32"),
            (new[] { OpTestHarness.Bool(shape), TestTensor.Float(shape), TestTensor.Float(shape) }, TestTensor.Int32(shape, null), "output tensor 3 has type INT32"),
            (new[] { OpTestHarness.Bool(shape), TestTensor.Int32(shape, null), TestTensor.Int32(shape, null) }, TestTensor.Int32(shape, null), "type INT32 of x tensor 1 is not supported"),
            (new[] { OpTestHarness.Bool(new[] { 3 }), TestTensor.Float(shape), TestTensor.Float(shape) }, TestTensor.Float(shape), "is not the broadcast of"),
            (new[] { OpTestHarness.Bool(shape), TestTensor.Float(shape), TestTensor.Float(shape) }, TestTensor.Float(new[] { 2, 2, 2 }), "is not the broadcast of"),
            (new[] { OpTestHarness.Bool(shape), TestTensor.Float(shape) }, TestTensor.Float(shape), "expects 3 inputs and 1 output"),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, Op, c.Output, c.Inputs);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains(c.Message, runner.Errors.MessageText);
        }
    }
}
