using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.BroadcastArgs;

/// <summary>BROADCAST_ARGS. Expectation: numpy's broadcast of the two shapes, computed from the right.</summary>
public class BroadcastArgsTests
{
    private static int[] Expected(int[] a, int[] b)
    {
        int n = Math.Max(a.Length, b.Length);
        int[] result = new int[n];
        for (int i = 1; i <= n; i++)
        {
            int da = i <= a.Length ? a[a.Length - i] : 1;
            int db = i <= b.Length ? b[b.Length - i] : 1;
            result[n - i] = da == 1 ? db : da;
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32AndInt64Shapes(string implementation)
    {
        foreach ((int[] a, int[] b) in new[] { (new[] { 2, 1, 3 }, new[] { 4, 3 }), (new[] { 1 }, new[] { 5, 1, 2 }), (new[] { 3, 1 }, new[] { 1, 4 }) })
        {
            int[] expected = Expected(a, b);
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_ARGS,
                new[] { TestTensor.Int32(new[] { a.Length }, a), TestTensor.Int32(new[] { b.Length }, b) },
                new[] { TestTensor.Int32(new[] { expected.Length }, null) });
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(expected, runner.Get<int>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_ARGS,
            new[] { TestTensor.Int64(new[] { 2 }, new[] { 1L, 7L }), TestTensor.Int64(new[] { 1 }, new[] { 1L }) },
            new[] { TestTensor.Int64(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 1L, 7L }, runner.Get<long>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsIncompatibleShapesWrongLengthAndMixedTypes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_ARGS,
            new[] { TestTensor.Int32(new[] { 2 }, new[] { 2, 3 }), TestTensor.Int32(new[] { 1 }, new[] { 4 }) },
            new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Error, runner.Invoke());
            Assert.Contains("shapes do not broadcast: 3 against 4 at output position 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_ARGS,
            new[] { TestTensor.Int32(new[] { 2 }, null), TestTensor.Int32(new[] { 3 }, null) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2], expected [3]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.BROADCAST_ARGS,
            new[] { TestTensor.Int32(new[] { 2 }, null), TestTensor.Int64(new[] { 2 }, null) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("shape tensor 1 has type INT64, shape tensor 0 has INT32", runner.Errors.MessageText);
        }
    }
}
