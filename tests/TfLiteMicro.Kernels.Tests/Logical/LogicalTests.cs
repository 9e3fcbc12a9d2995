using System;
using TfLiteMicro.Kernels.Tests.UnaryMath;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Logical;

/// <summary>LOGICAL_AND and LOGICAL_OR: broadcasting against naive indexing, byte normalisation, type errors.</summary>
public class LogicalTests
{
    public static TheoryData<string, BuiltinOperator> AllOps()
    {
        var data = new TheoryData<string, BuiltinOperator>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            data.Add((string)implementation[0], BuiltinOperator.LOGICAL_AND);
            data.Add((string)implementation[0], BuiltinOperator.LOGICAL_OR);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void BroadcastsLikeNaiveIndexing(string implementation, BuiltinOperator op)
    {
        Random random = new Random(6);
        foreach (int[][] shapes in OpTestHarness.BroadcastCases)
        {
            // Raw bytes with values beyond 1: any non-zero byte is true.
            byte[] a = new byte[OpTestHarness.Count(shapes[0])];
            byte[] b = new byte[OpTestHarness.Count(shapes[1])];
            for (int i = 0; i < a.Length; i++) a[i] = (byte)(random.Next(2) * random.Next(1, 256));
            for (int i = 0; i < b.Length; i++) b[i] = (byte)(random.Next(2) * random.Next(1, 256));
            using KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(shapes[2]),
                OpTestHarness.BoolBytes(shapes[0], a), OpTestHarness.BoolBytes(shapes[1], b));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            bool[] expected = OpTestHarness.Broadcast(a, shapes[0], b, shapes[1], shapes[2],
                (x, y) => op == BuiltinOperator.LOGICAL_AND ? x != 0 && y != 0 : x != 0 || y != 0);
            Assert.Equal(expected, OpTestHarness.GetBools(runner, 2));
        }
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void RejectsNonBoolTensors(string implementation, BuiltinOperator op)
    {
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, OpTestHarness.Bool(new[] { 2 }),
            TestTensor.Int32(new[] { 2 }, null), TestTensor.Int32(new[] { 2 }, null)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type INT32 of input 1 tensor 0 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OpTestHarness.Runner(implementation, op, TestTensor.Int32(new[] { 2 }, null),
            OpTestHarness.Bool(new[] { 2 }), OpTestHarness.Bool(new[] { 2 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has type INT32, expected BOOL", runner.Errors.MessageText);
        }
    }
}
