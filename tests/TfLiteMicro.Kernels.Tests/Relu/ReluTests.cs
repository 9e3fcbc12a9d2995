using System;
using System.Linq;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Relu;

/// <summary>RELU and RELU6. Expectations: max(0, x) and min(6, max(0, x)) in real numbers, compared in output steps.</summary>
public class ReluTests
{
    private static readonly float[] Input = { -3f, -0.5f, -0f, 0f, 0.25f, 1f, 5.9f, 6f, 6.1f, 100f, float.NegativeInfinity, float.PositiveInfinity };

    private static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, output }, new[] { 0 }, new[] { 1 }, op);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatClampsBelowZeroAndAboveSix(string implementation)
    {
        foreach (BuiltinOperator op in new[] { BuiltinOperator.RELU, BuiltinOperator.RELU6 })
        {
            using KernelRunner runner = Runner(implementation, op, TestTensor.Float(new[] { 3, 4 }, Input), TestTensor.Float(new[] { 3, 4 }));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] actual = runner.Get<float>(1);
            for (int i = 0; i < Input.Length; i++)
            {
                double x = Input[i];
                double expected = op == BuiltinOperator.RELU ? Math.Max(0, x) : Math.Min(6, Math.Max(0, x));
                Assert.Equal(expected, actual[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ReluRequantizesToTheOutputScale(string implementation)
    {
        sbyte[] input = Enumerable.Range(-128, 256).Select(i => (sbyte)i).ToArray();
        const float inputScale = 0.02f, outputScale = 0.01f;
        const int inputZeroPoint = -3, outputZeroPoint = -128;
        using KernelRunner runner = Runner(implementation, BuiltinOperator.RELU, TestTensor.Int8(new[] { 256 }, input, inputScale, inputZeroPoint),
            TestTensor.Int8(new[] { 256 }, null, outputScale, outputZeroPoint));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(1);
        for (int i = 0; i < 256; i++)
        {
            double real = Math.Max(0, (double)inputScale * (input[i] - inputZeroPoint));
            double expected = Math.Clamp(real / outputScale + outputZeroPoint, -128, 127);
            Assert.True(Math.Abs(actual[i] - expected) <= 0.5 + 1e-9, $"input {input[i]}: got {actual[i]}, expected {expected:F3}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16ReluRequantizesAndSaturates(string implementation)
    {
        short[] input = { short.MinValue, -1000, -1, 0, 1, 999, 16383, 16384, short.MaxValue };
        const float inputScale = 1f / 4096, outputScale = 1f / 8192;
        using KernelRunner runner = Runner(implementation, BuiltinOperator.RELU, TestTensor.Int16(new[] { 9 }, input, inputScale, 0),
            TestTensor.Int16(new[] { 9 }, null, outputScale, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] actual = runner.Get<short>(1);
        for (int i = 0; i < input.Length; i++)
        {
            double expected = Math.Clamp(Math.Max(0, (double)input[i]) * 2, short.MinValue, short.MaxValue);
            Assert.Equal(expected, actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8Relu6ClampsWithTheInputQuantizationAndIgnoresTheOutputs(string implementation)
    {
        // TFLM quirk (relu6_int8 golden): the values are clamped to [q(0), q(6)] of the INPUT and copied, whatever the
        // output tensor's scale and zero point say.
        sbyte[] input = Enumerable.Range(-128, 256).Select(i => (sbyte)i).ToArray();
        const float inputScale = 0.04f;
        const int inputZeroPoint = -10;
        int six = (int)Math.Round(6 / inputScale) + inputZeroPoint; // 150 - 10 = 140 → beyond int8, clamped to 127
        six = Math.Min(six, 127);
        using KernelRunner runner = Runner(implementation, BuiltinOperator.RELU6, TestTensor.Int8(new[] { 256 }, input, inputScale, inputZeroPoint),
            TestTensor.Int8(new[] { 256 }, null, 6f / 255, -128));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        sbyte[] actual = runner.Get<sbyte>(1);
        for (int i = 0; i < 256; i++) Assert.Equal(Math.Clamp(input[i], inputZeroPoint, six), actual[i]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16Relu6ClampsToSixInInputSteps(string implementation)
    {
        short[] input = { short.MinValue, -1, 0, 1, 12287, 12288, 12289, short.MaxValue };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.RELU6, TestTensor.Int16(new[] { 8 }, input, 1f / 2048, 0),
            TestTensor.Int16(new[] { 8 }, null, 1f / 2048, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // 6 / 2^-11 = 12288.
        Assert.Equal(new short[] { 0, 0, 0, 1, 12287, 12288, 12288, 12288 }, runner.Get<short>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsInt16ZeroPointsAndMismatchedTypes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.RELU, TestTensor.Int16(new[] { 4 }, null, 0.1f, 3),
            TestTensor.Int16(new[] { 4 }, null, 0.1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("zero points 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.RELU6, TestTensor.Int8(new[] { 4 }, null, 0.1f, 0),
            TestTensor.Int16(new[] { 4 }, null, 0.1f, 0)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 1 has type INT16, expected INT8", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.RELU, TestTensor.Int32(new[] { 4 }, null),
            TestTensor.Int32(new[] { 4 }, null)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("INT32", runner.Errors.MessageText);
        }
    }
}
