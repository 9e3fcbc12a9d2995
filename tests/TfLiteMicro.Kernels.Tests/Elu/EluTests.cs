using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Elu;

/// <summary>ELU. Expectations: x &lt; 0 ? e^x − 1 : x in double, compared in output steps for int8.</summary>
public class EluTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.ELU), new[] { input, output }, new[] { 0 }, new[] { 1 },
            BuiltinOperator.ELU);

    private static double Real(double x) => x < 0 ? Math.Exp(x) - 1 : x;

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatIncludingValuesNearZero(string implementation)
    {
        float[] input = Enumerable.Range(-30, 61).Select(i => i * 0.1f).Concat(new[] { -1e-7f, -3e-4f, -0.349f, -0.351f, -20f, -100f }).ToArray();
        using KernelRunner runner = Runner(implementation, TestTensor.Float(new[] { input.Length }, input), TestTensor.Float(new[] { input.Length }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < input.Length; i++)
        {
            double expected = Real(input[i]);
            // Relative accuracy also for tiny negative inputs (no cancellation in e^x − 1).
            Assert.True(Math.Abs(actual[i] - expected) <= 1e-6 * Math.Max(1e-3, Math.Abs(expected)),
                $"input {input[i]}: got {actual[i]}, expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8LookupTableForEveryInput(string implementation)
    {
        sbyte[] input = Enumerable.Range(-128, 256).Select(i => (sbyte)i).ToArray();
        foreach ((float inScale, int inZero, float outScale, int outZero) in new[] { (0.05f, 40, 0.03f, -90), (0.1f, 0, 0.1f, 0), (0.02f, -128, 0.01f, 100) })
        {
            using KernelRunner runner = Runner(implementation, TestTensor.Int8(new[] { 256 }, input, inScale, inZero),
                TestTensor.Int8(new[] { 256 }, null, outScale, outZero));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < 256; i++)
            {
                double expected = Math.Clamp(Real((double)inScale * (input[i] - inZero)) / outScale + outZero, -128, 127);
                // The table rounds the real value (computed in float): at most half a step plus float error.
                Assert.True(Math.Abs(actual[i] - expected) <= 0.5 + 1e-3, $"input {input[i]}: got {actual[i]}, expected {expected:F4}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInt16(string implementation)
    {
        using KernelRunner runner = Runner(implementation, TestTensor.Int16(new[] { 4 }, null, 0.1f, 0), TestTensor.Int16(new[] { 4 }, null, 0.1f, 0));
        Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        Assert.Contains("INT16", runner.Errors.MessageText);
    }
}
