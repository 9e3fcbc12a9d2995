using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Shape;

/// <summary>SHAPE. Expectation: the input tensor's dims.</summary>
public class ShapeTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void WritesTheDimsOfAnyInputType(string implementation)
    {
        TestTensor[] inputs =
        {
            TestTensor.Float(new[] { 2, 3, 4 }), TestTensor.Int8(new[] { 5 }, null, 0.1f, 0), ShapeOpHarness.Bool(new[] { 1, 7 }, null),
            TestTensor.Int32(new[] { 2, 1, 1, 3 }, null),
        };
        foreach (TestTensor input in inputs)
        {
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SHAPE, input,
                TestTensor.Int32(new[] { input.Shape.Length }, null));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(input.Shape, runner.Get<int>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SHAPE, TestTensor.Float(new[] { 6, 2 }),
            TestTensor.Int64(new[] { 2 }, null)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { 6L, 2L }, runner.Get<long>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsWrongLengthAndType(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SHAPE, TestTensor.Float(new[] { 2, 3 }),
            TestTensor.Int32(new[] { 3 }, null)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has shape [3], expected [2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SHAPE, TestTensor.Float(new[] { 2, 3 }),
            TestTensor.Float(new[] { 2 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("type FLOAT32 of output tensor 1 is not supported", runner.Errors.MessageText);
        }
    }
}
