using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.HardSwish;

/// <summary>HARD_SWISH. Expectations: x · min(6, max(0, x + 3)) / 6 in double, compared in output steps for int8.</summary>
public class HardSwishTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.HARD_SWISH), new[] { input, output }, new[] { 0 }, new[] { 1 },
            BuiltinOperator.HARD_SWISH);

    private static double Real(double x) => x * Math.Min(6, Math.Max(0, x + 3)) / 6;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Float(string implementation)
    {
        float[] input = Enumerable.Range(-40, 81).Select(i => i * 0.125f).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { input.Length }, input), TestTensor.Float(new[] { input.Length }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < input.Length; i++) Assert.Equal(Real(input[i]), actual[i], 1e-6);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ForEveryInput(string implementation)
    {
        sbyte[] input = Enumerable.Range(-128, 256).Select(i => (sbyte)i).ToArray();
        // Input ranges of about ±6, ±25 and ±1.3 (reluish multiplier shifting right and left).
        foreach ((float inScale, int inZero, float outScale, int outZero) in new[] { (0.05f, -10, 0.04f, -110), (0.2f, 3, 0.1f, -60), (0.01f, 0, 0.005f, -60) })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 256 }, input, inScale, inZero),
                TestTensor.Int8(new[] { 256 }, null, outScale, outZero));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < 256; i++)
            {
                double expected = Math.Clamp(Real((double)inScale * (input[i] - inZero)) / outScale + outZero, -128, 127);
                Assert.True(Math.Abs(actual[i] - expected) <= 1.0, $"scale {inScale}, input {input[i]}: got {actual[i]}, expected {expected:F3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsAnOutputScaleBelowTheFineInputScale(string implementation)
    {
        // (input scale / 128) / output scale must be below 1.
        using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 4 }, null, 1f, 0), TestTensor.Int8(new[] { 4 }, null, 0.001f, 0));
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("must be below 1", runner.Errors.MessageText);
    }
}
