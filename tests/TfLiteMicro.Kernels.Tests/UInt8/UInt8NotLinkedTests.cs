using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Kernels.Tests.Conv;
using TfLiteMicro.Kernels.Tests.Elementwise;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UInt8;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UInt8LinkingCollection
{
    public const string Name = "uint8 kernels linked on request";
}

/// <summary>
/// On a device the uint8 kernels are linked only when <see cref="ReferenceKernels.EnableLegacyUInt8"/> is called (on a
/// host always). These tests take them away as a firmware that never asked for them has none, and check that a uint8
/// node is then refused in Prepare with a message naming the call, never run. They change a static, so they run alone.
/// </summary>
[Collection(UInt8LinkingCollection.Name)]
public unsafe class UInt8NotLinkedTests
{
    private static void AssertRefusedWithoutUInt8(KernelRunner runner)
    {
        try
        {
            LegacyUInt8Kernels.PrepareConvolution = null;
            Assert.False(LegacyUInt8Kernels.Enabled);
            Assert.Equal(Status.UnsupportedOperator, runner.InitAndPrepare());
            Assert.Contains("ReferenceKernels.EnableLegacyUInt8()", runner.Errors.MessageText);
        }
        finally
        {
            ReferenceKernels.EnableLegacyUInt8();
        }
        Assert.True(LegacyUInt8Kernels.Enabled);
    }

    [Fact]
    public void Conv2DRefusesUInt8WhenNotLinked()
    {
        TfliteUInt8 q = TfliteUInt8.FromRange(-63.5f, 64f);
        using var runner = new KernelRunner(KernelImplementations.Get(KernelImplementations.Reference, BuiltinOperator.CONV_2D),
            new[] { q.Tensor(new[] { 1, 2, 2, 1 }), q.Tensor(new[] { 1, 1, 1, 1 }, new byte[] { 130 }, isConstant: true),
                TfliteUInt8.Bias(q.Scale * q.Scale, new float[] { 0 }), q.Tensor(new[] { 1, 2, 2, 1 }) },
            new[] { 0, 1, 2 }, new[] { 3 }, BuiltinOperator.CONV_2D, (byte)BuiltinOptions.Conv2DOptions,
            Conv2DTests.Options(Padding.VALID, 1, 1, ActivationFunctionType.NONE));
        AssertRefusedWithoutUInt8(runner);
    }

    [Fact]
    public void AddRefusesUInt8WhenNotLinked()
    {
        TfliteUInt8 q = TfliteUInt8.FromRange(-1f, 1f);
        int[] shape = { 1, 2, 2, 1 };
        using KernelRunner runner = BinaryOpHarness.Runner(KernelImplementations.Reference, BuiltinOperator.ADD,
            q.Tensor(shape, new byte[4]), q.Tensor(shape, new byte[4]), q.Tensor(shape));
        AssertRefusedWithoutUInt8(runner);
    }

    [Fact]
    public void SoftmaxRefusesUInt8WhenNotLinked()
    {
        var output = new TfliteUInt8(1f / 256, 0);
        TfliteUInt8 input = TfliteUInt8.FromRange(-10f, 10f);
        int[] shape = { 1, 4 };
        using var runner = new KernelRunner(KernelImplementations.Get(KernelImplementations.Reference, BuiltinOperator.SOFTMAX),
            new[] { input.Tensor(shape, new byte[4]), output.Tensor(shape) }, new[] { 0 }, new[] { 1 }, BuiltinOperator.SOFTMAX,
            (byte)BuiltinOptions.SoftmaxOptions, new FbTable().Scalar(0, 1f));
        AssertRefusedWithoutUInt8(runner);
    }
}
