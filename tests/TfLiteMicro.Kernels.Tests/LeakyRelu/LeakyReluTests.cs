using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.LeakyRelu;

/// <summary>LEAKY_RELU. Expectations: y = x for x &gt; 0, alpha·x otherwise, in real numbers, compared in output steps.</summary>
public class LeakyReluTests
{
    // TFLM's leaky_relu_test.cc input (alpha 0.5 there).
    private static readonly float[] Input = { 0.0f, 1.0f, 3.0f, 1.0f, -1.0f, -2.0f, -3.0f, 0.5f, -0.5f, 2.5f, -2.5f, 0.1f };

    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output, float alpha) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.LEAKY_RELU), new[] { input, output },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.LEAKY_RELU, (byte)BuiltinOptions.LeakyReluOptions, new FbTable().Scalar(0, alpha));

    // TFLM requantizes with two roundings (high multiply, then shift), so results may be off by up to one step.
    private static double Real(double x, double alpha) => x > 0 ? x : alpha * x;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatSelectsRatherThanTakingTheMaximum(string implementation)
    {
        foreach (float alpha in new[] { 0.5f, 2f, -0.25f })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 3, 4 }, Input), TestTensor.Float(new[] { 3, 4 }), alpha);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = runner.Get<float>(1);
            for (int i = 0; i < Input.Length; i++) Assert.Equal((float)Real(Input[i], alpha), actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8WithDifferentScalesAndZeroPoints(string implementation)
    {
        sbyte[] input = new sbyte[256];
        for (int i = 0; i < 256; i++) input[i] = (sbyte)(i - 128);
        const float inputScale = 0.05f, outputScale = 0.04f;
        const int inputZeroPoint = -10, outputZeroPoint = 20;
        foreach (float alpha in new[] { 0.2f, 1.5f, -0.5f })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 256 }, input, inputScale, inputZeroPoint),
                TestTensor.Int8(new[] { 256 }, null, outputScale, outputZeroPoint), alpha);
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < 256; i++)
            {
                double expected = Math.Clamp(Real(inputScale * (input[i] - inputZeroPoint), alpha) / outputScale + outputZeroPoint, -128, 127);
                Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"alpha {alpha}, input {input[i]}: got {actual[i]}, expected {expected:F3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16SymmetricLikeSeanet(string implementation)
    {
        short[] input = { short.MinValue, -20000, -1, 0, 1, 123, 20000, short.MaxValue };
        const float inputScale = 0.0136184f, outputScale = 0.0128444f;
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 8 }, input, inputScale, 0),
            TestTensor.Int16(new[] { 8 }, null, outputScale, 0), 0.3f);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] actual = runner.Get<short>(1);
        for (int i = 0; i < input.Length; i++)
        {
            double expected = Math.Clamp(Real(inputScale * (double)input[i], 0.3) / outputScale, short.MinValue, short.MaxValue);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"input {input[i]}: got {actual[i]}, expected {expected:F3}");
        }
        // The identity side saturates: 32767 · 0.0136 / 0.0128 exceeds the int16 range.
        Assert.Equal(short.MaxValue, actual[7]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsMismatchedTypes(string implementation)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 4 }, new sbyte[4], 0.1f, 0),
            TestTensor.Int16(new[] { 4 }, null, 0.1f, 0), 0.5f);
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("output tensor 1 has type INT16, expected INT8", runner.Errors.MessageText);
    }
}
