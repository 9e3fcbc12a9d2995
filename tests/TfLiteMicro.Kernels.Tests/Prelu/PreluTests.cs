using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Prelu;

/// <summary>PRELU. Expectations: x ≥ 0 ? x : alpha · x over the broadcast of input and alpha, in real numbers.</summary>
public class PreluTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor alpha, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.PRELU), new[] { input, alpha, output },
            new[] { 0, 1 }, new[] { 2 }, BuiltinOperator.PRELU);

    private static readonly float[] Input = Enumerable.Range(0, 12).Select(i => (i * 5 % 12 - 6) * 0.5f).ToArray();

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatAlphaBroadcastPerChannel(string implementation)
    {
        float[] alpha = { 0.0f, 0.5f, -2f };
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 1, 2, 2, 3 }, Input),
            TestTensor.Float(new[] { 1, 1, 3 }, alpha, isConstant: true), TestTensor.Float(new[] { 1, 2, 2, 3 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(2);
        for (int i = 0; i < 12; i++)
        {
            double x = Input[i];
            Assert.Equal(x >= 0 ? x : alpha[i % 3] * x, actual[i], 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AlphaAsInput(string implementation)
    {
        sbyte[] input = Enumerable.Range(0, 24).Select(i => (sbyte)((i * 47) % 256 - 128)).ToArray();
        sbyte[] alpha = Enumerable.Range(0, 24).Select(i => (sbyte)((i * 29) % 256 - 128)).ToArray();
        const float inputScale = 0.02f, alphaScale = 0.005f, outputScale = 0.02f;
        const int inputZeroPoint = -3, alphaZeroPoint = 10, outputZeroPoint = -20;
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 2, 3, 4 }, input, inputScale, inputZeroPoint),
            TestTensor.Int8(new[] { 2, 3, 4 }, alpha, alphaScale, alphaZeroPoint), TestTensor.Int8(new[] { 2, 3, 4 }, null, outputScale, outputZeroPoint));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(2);
        for (int i = 0; i < 24; i++)
        {
            double x = (double)inputScale * (input[i] - inputZeroPoint);
            double a = (double)alphaScale * (alpha[i] - alphaZeroPoint);
            double expected = Math.Clamp((x >= 0 ? x : a * x) / outputScale + outputZeroPoint, -128, 127);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"element {i}: got {actual[i]}, expected {expected:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16WithInt8AlphaBroadcastFromTheLeft(string implementation)
    {
        short[] input = Enumerable.Range(0, 12).Select(i => (short)(i * 5000 - 30000)).ToArray();
        sbyte[] alpha = { 64, -32, 127 };
        const float inputScale = 1f / 4096, alphaScale = 1f / 128, outputScale = 1f / 2048;
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4, 3 }, input, inputScale, 0),
            TestTensor.Int8(new[] { 3 }, alpha, alphaScale, 0, isConstant: true), TestTensor.Int16(new[] { 4, 3 }, null, outputScale, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] actual = runner.Get<short>(2);
        for (int i = 0; i < 12; i++)
        {
            double x = (double)inputScale * input[i];
            double a = (double)alphaScale * alpha[i % 3];
            double expected = Math.Clamp((x >= 0 ? x : a * x) / outputScale, short.MinValue, short.MaxValue);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"element {i}: got {actual[i]}, expected {expected:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsAlphaTypesAndShapes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, null, 0.1f, 0),
            TestTensor.Int16(new[] { 4 }, null, 0.1f, 0), TestTensor.Int16(new[] { 4 }, null, 0.1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("alpha", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 2, 3 }), TestTensor.Float(new[] { 2 }),
            TestTensor.Float(new[] { 2, 3 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("is not the broadcast of", runner.Errors.MessageText);
        }
    }
}
