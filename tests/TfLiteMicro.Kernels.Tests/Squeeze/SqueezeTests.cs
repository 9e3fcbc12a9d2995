using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using TfLiteMicro.Kernels.Tests.Shape;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Squeeze;

/// <summary>SQUEEZE. Expectation: data unchanged; only the output shape rule (checked in Prepare) varies.</summary>
public class SqueezeTests
{
    private static FbTable Dims(params int[] dims) => new FbTable().Child(0, FbScalarVector.Of(dims));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SqueezesAllOrListedDimensions(string implementation)
    {
        float[] data = ShapeOpHarness.Iota(12, 3);
        (int[] output, FbTable? options)[] cases =
        {
            (new[] { 3, 4 }, null),
            (new[] { 3, 4 }, Dims()),
            (new[] { 1, 3, 4 }, Dims(2)),
            (new[] { 3, 1, 4 }, Dims(-4)),
            (new[] { 3, 4 }, Dims(0, -2)),
        };
        foreach ((int[] outShape, FbTable? options) in cases)
        {
            using KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SQUEEZE, TestTensor.Float(new[] { 1, 3, 1, 4 }, data),
                TestTensor.Float(outShape), BuiltinOptions.SqueezeOptions, options);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(data, runner.Get<float>(1));
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SQUEEZE,
            TestTensor.Int8(new[] { 1, 2 }, new sbyte[] { -128, 127 }, 0.1f, 1), TestTensor.Int8(new[] { 2 }, null, 0.1f, 1)))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new sbyte[] { -128, 127 }, runner.Get<sbyte>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsNonUnitDimensionsAndWrongOutputShape(string implementation)
    {
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SQUEEZE, TestTensor.Float(new[] { 1, 3, 1, 4 }),
            TestTensor.Float(new[] { 1, 1, 4 }), BuiltinOptions.SqueezeOptions, Dims(1)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("squeeze_dims value 1 does not name a size-1 dimension of input tensor 0 [1, 3, 1, 4]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SQUEEZE, TestTensor.Float(new[] { 1, 3, 1, 4 }),
            TestTensor.Float(new[] { 1, 3, 4 }), BuiltinOptions.SqueezeOptions, Dims(0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has shape [1, 3, 4], expected [3, 1, 4]", runner.Errors.MessageText);
        }
        using (KernelRunner runner = ShapeOpHarness.Runner(implementation, BuiltinOperator.SQUEEZE, TestTensor.Float(new[] { 1, 3 }),
            TestTensor.Int32(new[] { 3 }, null)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has type INT32", runner.Errors.MessageText);
        }
    }
}
