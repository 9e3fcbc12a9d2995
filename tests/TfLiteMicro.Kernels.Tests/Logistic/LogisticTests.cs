using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Logistic;

/// <summary>LOGISTIC. Expectations are the real sigmoid computed here in double, compared in output steps.</summary>
public class LogisticTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.LOGISTIC), new[] { input, output },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.LOGISTIC);

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatMatchesRealSigmoidIncludingTheCutoffs(string implementation)
    {
        float[] input = { -20f, -9.5f, -9f, -3f, -0.5f, 0f, 0.25f, 1f, 5f, 16.6f, 16.7f, 40f };
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 12 }, input), TestTensor.Float(new[] { 12 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < input.Length; i++)
        {
            // Below -9 TFLM returns e^x, the leading term of the sigmoid there (relative error under 1.3e-4).
            double expected = input[i] < -9 ? Math.Exp(input[i]) : Sigmoid(input[i]);
            Assert.True(Math.Abs(actual[i] - expected) <= 1e-6 * Math.Max(1e-3, expected), $"sigmoid({input[i]}) = {actual[i]}, expected {expected}");
        }
        // Above the upper cutoff TFLM returns exactly 1.
        Assert.Equal(1f, actual[10]);
        Assert.Equal(1f, actual[11]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8SweepIsWithinOneStep(string implementation)
    {
        // Every int8 input, scale 0.1 and zero point 5 (inputs from about -13 to 12), output 1/256 with zero point -128.
        sbyte[] input = new sbyte[256];
        for (int i = 0; i < 256; i++) input[i] = (sbyte)(i - 128);
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 256 }, input, 0.1f, 5),
            TestTensor.Int8(new[] { 256 }, null, 1f / 256, -128));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(1);
        for (int i = 0; i < 256; i++)
        {
            double expected = Math.Min(127, Sigmoid(0.1 * (input[i] - 5)) * 256 - 128);
            Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"input {input[i]}: got {actual[i]}, expected {expected:F2}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8SaturatesOutsideTheInputRadius(string implementation)
    {
        // Scale 1: inputs of ±16 and beyond are outside the Q4 range and saturate to the extremes.
        sbyte[] input = { -128, -16, 0, 16, 127 };
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 5 }, input, 1f, 0),
            TestTensor.Int8(new[] { 5 }, null, 1f / 256, -128));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // sigmoid(0) = 0.5 → 128 - 128 = 0 exactly.
        Assert.Equal(new sbyte[] { -128, -128, 0, 127, 127 }, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16PowerOfTwoScaleIsWithinTwoSteps(string implementation)
    {
        // Scale 2^-12 is the table's native scale (multiplier 0 path); inputs cover [-8, 8).
        short[] input = new short[257];
        for (int i = 0; i < input.Length; i++) input[i] = (short)Math.Clamp(-32768 + i * 256, short.MinValue, short.MaxValue);
        AssertInt16(implementation, input, 1f / 4096);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16GeneralScaleIsWithinTwoSteps(string implementation)
    {
        // Scale 0.0005 (inputs within ±16.4): the general multiplier path, including the saturated tail.
        short[] input = new short[257];
        for (int i = 0; i < input.Length; i++) input[i] = (short)Math.Clamp(-32768 + i * 256, short.MinValue, short.MaxValue);
        AssertInt16(implementation, input, 0.0005f);
    }

    private static void AssertInt16(string implementation, short[] input, float inputScale)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { input.Length }, input, inputScale, 0),
            TestTensor.Int16(new[] { input.Length }, null, 1f / 32768, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] actual = runner.Get<short>(1);
        for (int i = 0; i < input.Length; i++)
        {
            double expected = Math.Min(32767, Sigmoid(inputScale * (double)input[i]) * 32768);
            Assert.True(Math.Abs(actual[i] - expected) <= 2.0, $"input {input[i]}: got {actual[i]}, expected {expected:F2}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsBadQuantization(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 4 }, new sbyte[4], 0.1f, 0),
            TestTensor.Int8(new[] { 4 }, null, 1f / 256, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("LOGISTIC needs -128", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, new short[4], 1f / 4096, 0),
            TestTensor.Int16(new[] { 4 }, null, 1f / 16384, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("needs 2^-15", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, new short[4], 1f / 4096, 3),
            TestTensor.Int16(new[] { 4 }, null, 1f / 32768, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("zero points 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { 4 }, new float[4]),
            TestTensor.Int8(new[] { 4 }, null, 1f / 256, -128)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("has type INT8, expected FLOAT32", runner.Errors.MessageText);
        }
    }

    [Fact]
    public void CheckedLog2RecognizesPowersOfTwo()
    {
        Assert.True(LogisticCommon.CheckedLog2(1f / 32768, out int log2));
        Assert.Equal(-15, log2);
        Assert.True(LogisticCommon.CheckedLog2(1f / 4096, out log2));
        Assert.Equal(-12, log2);
        Assert.True(LogisticCommon.CheckedLog2(8f, out log2));
        Assert.Equal(3, log2);
        Assert.False(LogisticCommon.CheckedLog2(0.0005f, out log2));
        Assert.Equal((int)Math.Round(Math.Log2(0.0005)), log2);
        Assert.False(LogisticCommon.CheckedLog2(3f, out _));
    }
}
