using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UnaryMath;

/// <summary>
/// The float32 one-input ops against the host's math (double precision rounded to float, or exact operations),
/// plus LOGICAL_NOT, and the Prepare checks shared by all of them.
/// </summary>
public class UnaryFloatOpTests
{
    public static TheoryData<string, BuiltinOperator> FloatOps()
    {
        var data = new TheoryData<string, BuiltinOperator>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            foreach (BuiltinOperator op in new[]
            {
                BuiltinOperator.ABS, BuiltinOperator.NEG, BuiltinOperator.SQRT, BuiltinOperator.RSQRT, BuiltinOperator.EXP,
                BuiltinOperator.LOG, BuiltinOperator.SIN, BuiltinOperator.COS, BuiltinOperator.SQUARE, BuiltinOperator.FLOOR,
                BuiltinOperator.CEIL, BuiltinOperator.ROUND,
            })
            {
                data.Add((string)implementation[0], op);
            }
        }
        return data;
    }

    /// <summary>The op's value in double precision (or exactly), and how many ulps the kernel may be from it.</summary>
    private static (double Value, int Ulps) Expected(BuiltinOperator op, float x)
    {
        switch (op)
        {
            case BuiltinOperator.ABS: return (Math.Abs(x), 0);
            case BuiltinOperator.NEG: return (-x, 0);
            case BuiltinOperator.SQRT: return (Math.Sqrt(x), 0);
            case BuiltinOperator.RSQRT: return ((double)(1f / (float)Math.Sqrt(x)), 0); // two float roundings, as TFLM
            case BuiltinOperator.EXP: return (Math.Exp(x), 1);
            case BuiltinOperator.LOG: return (Math.Log(x), 1);
            case BuiltinOperator.SIN: return (Math.Sin(x), 1);
            case BuiltinOperator.COS: return (Math.Cos(x), 1);
            case BuiltinOperator.SQUARE: return ((double)x * x, 0);
            case BuiltinOperator.FLOOR: return (Math.Floor(x), 0);
            case BuiltinOperator.CEIL: return (Math.Ceiling(x), 0);
            default: return (Math.Round(x, MidpointRounding.ToEven), 0);
        }
    }

    [Theory]
    [MemberData(nameof(FloatOps))]
    public void FloatOpsMatchHostMath(string implementation, BuiltinOperator op)
    {
        Random random = new Random((int)op);
        // Every length 0..33 so no tail is special; values include halves, integers, signed zeros and large ones.
        for (int length = 0; length <= 33; length++)
        {
            float[] input = new float[length];
            for (int i = 0; i < length; i++)
            {
                input[i] = (i % 5) switch
                {
                    0 => (float)(random.NextDouble() * 6 - 3),
                    1 => (float)Math.Round(random.NextDouble() * 20 - 10) / 2,
                    2 => (float)(random.NextDouble() * 100),
                    3 => i % 2 == 0 ? -0f : 0f,
                    _ => (float)(random.NextDouble() * 1e-3),
                };
            }
            int[] shape = length == 0 ? new[] { 0 } : new[] { 1, length };
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(shape), TestTensor.Float(shape, input));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = runner.Get<float>(1);
            for (int i = 0; i < length; i++)
            {
                (double value, int ulps) = Expected(op, input[i]);
                float expected = (float)value;
                if (float.IsNaN(expected))
                {
                    Assert.True(float.IsNaN(actual[i]), op + "(" + input[i] + ") should be NaN");
                    continue;
                }
                Assert.True(OpTestHarness.UlpDistance(expected, actual[i]) <= ulps || (expected == 0 && actual[i] == 0),
                    op + "(" + input[i].ToString("R") + ") = " + actual[i].ToString("R") + ", expected " + expected.ToString("R"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void EdgeValuesFollowIeeeAndTflm(string implementation)
    {
        float[] input = { -1f, 0f, -0f, float.PositiveInfinity, float.NaN, 2.5f, -2.5f, 0.5f, -0.5f };
        float[] RunOp(BuiltinOperator op)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 9 }), TestTensor.Float(new[] { 9 }, input));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            return runner.Get<float>(1);
        }

        float[] sqrt = RunOp(BuiltinOperator.SQRT);
        Assert.True(float.IsNaN(sqrt[0]));
        Assert.Equal(float.PositiveInfinity, sqrt[3]);
        float[] log = RunOp(BuiltinOperator.LOG);
        Assert.True(float.IsNaN(log[0]));
        Assert.Equal(float.NegativeInfinity, log[1]);
        float[] rsqrt = RunOp(BuiltinOperator.RSQRT);
        Assert.Equal(float.PositiveInfinity, rsqrt[1]);
        Assert.Equal(float.NegativeInfinity, rsqrt[2]);
        Assert.Equal(0f, rsqrt[3]);
        // ROUND: halves go to the even neighbour.
        float[] round = RunOp(BuiltinOperator.ROUND);
        Assert.Equal(new[] { 2f, -2f, 0f, 0f }, new[] { round[5], round[6], round[7], round[8] });
        float[] exp = RunOp(BuiltinOperator.EXP);
        Assert.Equal(float.PositiveInfinity, exp[3]);
        Assert.True(float.IsNaN(exp[4]));
        float[] abs = RunOp(BuiltinOperator.ABS);
        Assert.Equal(BitConverter.SingleToInt32Bits(0f), BitConverter.SingleToInt32Bits(abs[2]));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void LogicalNotInvertsAndNormalisesBools(string implementation)
    {
        byte[] input = { 0, 1, 2, 255, 0, 1 };
        using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.LOGICAL_NOT,
            OpTestHarness.Bool(new[] { 2, 3 }), OpTestHarness.BoolBytes(new[] { 2, 3 }, input));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new[] { true, false, false, false, true, false }, OpTestHarness.GetBools(runner, 1));
    }

    [Theory]
    [MemberData(nameof(FloatOps))]
    public void PrepareRejectsMismatchedOutputs(string implementation, BuiltinOperator op)
    {
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Int32(new[] { 4 }, null), TestTensor.Float(new[] { 4 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has type INT32, expected FLOAT32", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 5 }), TestTensor.Float(new[] { 4 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1", runner.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ExpCeilAndRoundRequireTheInputShapeOthersTheElementCount(string implementation)
    {
        foreach (BuiltinOperator op in new[] { BuiltinOperator.EXP, BuiltinOperator.CEIL, BuiltinOperator.ROUND })
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 2, 2 }));
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("must have the shape of input tensor 0", runner.Errors.MessageText);
        }
        foreach (BuiltinOperator op in new[] { BuiltinOperator.SIN, BuiltinOperator.FLOOR, BuiltinOperator.NEG })
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 2, 2 }, new float[4]));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TypesTflmDoesNotImplementAreRejected(string implementation)
    {
        (BuiltinOperator Op, TestTensor Input, TestTensor Output)[] cases =
        {
            (BuiltinOperator.NEG, TestTensor.Int32(new[] { 2 }, null), TestTensor.Int32(new[] { 2 }, null)),
            (BuiltinOperator.SQRT, TestTensor.Int8(new[] { 2 }, null, 0.1f, 0), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0)),
            (BuiltinOperator.SIN, TestTensor.Int16(new[] { 2 }, null, 0.1f, 0), TestTensor.Int16(new[] { 2 }, null, 0.1f, 0)),
            (BuiltinOperator.LOGICAL_NOT, TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 })),
            (BuiltinOperator.ABS, TestTensor.Int32(new[] { 2 }, null), TestTensor.Int32(new[] { 2 }, null)),
            (BuiltinOperator.RSQRT, TestTensor.Int16(new[] { 2 }, null, 0.1f, 0), TestTensor.Int16(new[] { 2 }, null, 0.1f, 0)),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, c.Op, c.Output, c.Input);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("of input tensor 0 is not supported", runner.Errors.MessageText);
        }
        using KernelRunner twoInputs = OpTestHarness.Runner(implementation, BuiltinOperator.EXP, TestTensor.Float(new[] { 2 }),
            TestTensor.Float(new[] { 2 }), TestTensor.Float(new[] { 2 }));
        Assert.Equal(Status.Error, twoInputs.InitAndPrepare());
        Assert.Contains("expects 1 input and 1 output", twoInputs.Errors.MessageText);
    }
}
