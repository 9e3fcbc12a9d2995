using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Tanh;

/// <summary>TANH. Expectations: tanh of the dequantized input (Math.Tanh in double), compared in output steps.</summary>
public class TanhTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.TANH), new[] { input, output }, new[] { 0 }, new[] { 1 },
            BuiltinOperator.TANH);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Float(string implementation)
    {
        float[] input = Enumerable.Range(-40, 81).Select(i => i * 0.125f).Concat(new[] { -100f, 100f, 1e-6f }).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { input.Length }, input), TestTensor.Float(new[] { input.Length }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < input.Length; i++) Assert.Equal(Math.Tanh(input[i]), actual[i], 1e-6);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8EveryInputValue(string implementation)
    {
        sbyte[] input = Enumerable.Range(-128, 256).Select(i => (sbyte)i).ToArray();
        foreach ((float scale, int zeroPoint) in new[] { (0.03f, 2), (0.1f, -20), (1f / 16, 0) })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 256 }, input, scale, zeroPoint),
                TestTensor.Int8(new[] { 256 }, null, 1f / 128, 0));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < 256; i++)
            {
                double expected = Math.Clamp(Math.Tanh((double)scale * (input[i] - zeroPoint)) * 128, -128, 127);
                Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"scale {scale}, input {input[i]}: got {actual[i]}, expected {expected:F3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16PowerOfTwoAndGeneralScales(string implementation)
    {
        short[] input = Enumerable.Range(0, 257).Select(i => (short)Math.Clamp(i * 256 - 32768, short.MinValue, short.MaxValue)).ToArray();
        // 2^-12 and 2^-11 take TFLM's power-of-two path, 0.0003 the general multiplier.
        foreach (float scale in new[] { 1f / 4096, 1f / 2048, 0.0003f })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { input.Length }, input, scale, 0),
                TestTensor.Int16(new[] { input.Length }, null, 1f / 32768, 0));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            short[] actual = runner.Get<short>(1);
            for (int i = 0; i < input.Length; i++)
            {
                double expected = Math.Clamp(Math.Tanh((double)scale * input[i]) * 32768, short.MinValue, short.MaxValue);
                // The interpolated sigmoid table (and the truncated multiplier of a general scale) is within 3 steps of 2^-15.
                Assert.True(Math.Abs(actual[i] - expected) <= 3.0, $"scale {scale}, input {input[i]}: got {actual[i]}, expected {expected:F3}");
            }
            // Odd symmetry up to the one-step bias of the mirrored lookup.
            Assert.InRange(actual[1] + actual[input.Length - 1], -2, 2);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInt16OutputScaleAndZeroPoints(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, null, 1f / 4096, 0),
            TestTensor.Int16(new[] { 4 }, null, 1f / 16384, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("int16 TANH needs 2^-15", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, null, 1f / 4096, 1),
            TestTensor.Int16(new[] { 4 }, null, 1f / 32768, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("zero points 0", runner.Errors.MessageText);
        }
    }
}
