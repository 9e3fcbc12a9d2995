using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Fill;

/// <summary>FILL. Expectation: every output element equals the scalar value.</summary>
public class FillTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FillsFloatInt8Int32WithInt32OrInt64Dims(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { ShapeOpHarness.ConstInt32(2, 3), TestTensor.Float(Array.Empty<int>(), new[] { -1.5f }) }, new[] { TestTensor.Float(new[] { 2, 3 }) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { -1.5f, -1.5f, -1.5f, -1.5f, -1.5f, -1.5f }, runner.Get<float>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { ShapeOpHarness.ConstInt64(3), TestTensor.Int8(Array.Empty<int>(), new sbyte[] { -128 }, 0.1f, 3) },
            new[] { TestTensor.Int8(new[] { 3 }, null, 0.1f, 3) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, -128, -128 }, runner.Get<sbyte>(2));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { TestTensor.Int32(new[] { 1 }, new[] { 2 }), TestTensor.Int32(Array.Empty<int>(), new[] { int.MaxValue }) },
            new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { int.MaxValue, int.MaxValue }, runner.Get<int>(2));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsDimsMismatchNonScalarValueAndTypes(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { ShapeOpHarness.ConstInt32(2, 4), TestTensor.Float(Array.Empty<int>(), new[] { 1f }) }, new[] { TestTensor.Float(new[] { 2, 3 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has shape [2, 3], expected [2, 4]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { ShapeOpHarness.ConstInt32(2), TestTensor.Float(new[] { 1 }, new[] { 1f }) }, new[] { TestTensor.Float(new[] { 2 }) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("value tensor 1 has shape [1], expected rank 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.FILL,
            new[] { ShapeOpHarness.ConstInt32(2), TestTensor.Float(Array.Empty<int>(), new[] { 1f }) }, new[] { TestTensor.Int32(new[] { 2 }, null) }))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 2 has type INT32, value tensor 1 has FLOAT32", runner.Errors.MessageText);
        }
    }
}
