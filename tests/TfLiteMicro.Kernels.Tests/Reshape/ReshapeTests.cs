using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Reshape;

public class ReshapeTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void CopiesDataAndInfersStretchDimension(string implementation)
    {
        sbyte[] data = { 1, 2, 3, 4, 5, 6 };
        using KernelRunner runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.RESHAPE),
            new[] { TestTensor.Int8(new[] { 2, 3 }, data, 1f, 0), TestTensor.Int8(new[] { 3, -1 }, null, 1f, 0) },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.RESHAPE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(new[] { 3, 2 }, runner.Shape(1));
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(data, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ElementCountMismatchIsAnError(string implementation)
    {
        using KernelRunner runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.RESHAPE),
            new[] { TestTensor.Float(new[] { 2, 3 }), TestTensor.Float(new[] { 4 }) },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.RESHAPE);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("6 elements", runner.Errors.MessageText);
    }
}
