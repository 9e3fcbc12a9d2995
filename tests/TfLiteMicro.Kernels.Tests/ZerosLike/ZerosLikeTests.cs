using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.ZerosLike;

/// <summary>ZEROS_LIKE. Expectation: all stored values 0 (for int8 the raw 0, not the zero point).</summary>
public class ZerosLikeTests
{
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OverwritesWhateverTheOutputHeld(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ZEROS_LIKE,
            TestTensor.Float(new[] { 2, 2 }, new[] { 1f, 2f, 3f, 4f }), TestTensor.Float(new[] { 2, 2 }, new[] { 9f, 9f, 9f, 9f })))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new float[4], runner.Get<float>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ZEROS_LIKE,
            TestTensor.Int8(new[] { 3 }, new sbyte[] { 1, 2, 3 }, 0.1f, -7), TestTensor.Int8(new[] { 3 }, new sbyte[] { 5, 5, 5 }, 0.1f, -7)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[3], runner.Get<sbyte>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ZEROS_LIKE,
            TestTensor.Int64(new[] { 2 }, new[] { 1L, 2L }), TestTensor.Int64(new[] { 2 }, new[] { -1L, -1L })))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new long[2], runner.Get<long>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsShapeAndTypeMismatch(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ZEROS_LIKE, TestTensor.Float(new[] { 2, 2 }),
            TestTensor.Float(new[] { 4 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has shape [4], expected [2, 2]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.ZEROS_LIKE, TestTensor.Float(new[] { 2 }),
            TestTensor.Int32(new[] { 2 }, null)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has type INT32, input tensor 0 has FLOAT32", runner.Errors.MessageText);
        }
    }
}
