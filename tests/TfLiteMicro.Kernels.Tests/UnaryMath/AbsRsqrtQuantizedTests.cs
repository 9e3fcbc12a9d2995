using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.UnaryMath;

/// <summary>ABS and RSQRT on quantized tensors: real-valued expectations, zero points, saturation and errors.</summary>
public class AbsRsqrtQuantizedTests
{
    private static sbyte[] AllInt8()
    {
        sbyte[] values = new sbyte[256];
        for (int i = 0; i < 256; i++) values[i] = (sbyte)(i - 128);
        return values;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AbsInt8MatchesRealArithmetic(string implementation)
    {
        (float InScale, int InZero, float OutScale, int OutZero)[] cases =
        {
            (0.02f, -3, 0.015f, -128), // the golden model's parameters
            (0.05f, 10, 0.05f, -20),   // same scale: no rescaling, just the zero-point shift
            (0.1f, 0, 0.3f, 5),
            (0.01f, 127, 0.004f, -128), // saturates at 127
        };
        sbyte[] input = AllInt8();
        foreach (var c in cases)
        {
            using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.ABS,
                TestTensor.Int8(new[] { 256 }, null, c.OutScale, c.OutZero), TestTensor.Int8(new[] { 256 }, input, c.InScale, c.InZero));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            for (int i = 0; i < 256; i++)
            {
                double real = Math.Abs((input[i] - c.InZero) * (double)c.InScale) / c.OutScale + c.OutZero;
                if (c.InScale == c.OutScale)
                {
                    // No rescaling: TFLM just moves |q - zp| to the output zero point.
                    Assert.Equal(Math.Clamp(Math.Abs(input[i] - c.InZero) + c.OutZero, -128, 127), actual[i]);
                    continue;
                }
                // TFLM multiplies the unshifted |q - zp| by the fixed-point multiplier and rounds twice (in the
                // doubling high multiply and in the right shift), so a result may be up to one step from the real one.
                double clamped = Math.Clamp(real, -128, 127);
                Assert.True(Math.Abs(actual[i] - clamped) <= 1.0, "q=" + input[i] + " real=" + real + " actual=" + actual[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AbsInt16RescalesSymmetricValues(string implementation)
    {
        Random random = new Random(2);
        short[] input = new short[300];
        for (int i = 0; i < input.Length; i++) input[i] = (short)random.Next(-32768, 32768);
        input[0] = short.MinValue;
        input[1] = short.MaxValue;
        input[2] = 0;
        const float inScale = 0.000244140625f;
        const float outScale = 0.00048828125f * 0.75f;
        using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.ABS,
            TestTensor.Int16(new[] { 300 }, null, outScale, 0), TestTensor.Int16(new[] { 300 }, input, inScale, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] actual = runner.Get<short>(1);
        for (int i = 0; i < input.Length; i++)
        {
            double real = Math.Clamp(Math.Abs(input[i] * (double)inScale) / outScale, -32768, 32767);
            Assert.True(Math.Abs(actual[i] - real) <= 1.0, "q=" + input[i] + " real=" + real + " actual=" + actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void AbsInt16WithoutQuantizationIsIntegerAbsAndWrapsAtTheMinimum(string implementation)
    {
        short[] input = { -32768, -32767, -1, 0, 1, 32767 };
        TestTensor plain(short[]? data) => new TestTensor(TensorType.Int16, new[] { 6 }, data == null ? null : TfLiteModelBuilder.Bytes(data));
        using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.ABS, plain(null), plain(input));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // C++ std::abs on the promoted int gives 32768, narrowed back to int16: -32768.
        Assert.Equal(new short[] { -32768, 32767, 1, 0, 1, 32767 }, runner.Get<short>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void QuantizedPrepareErrors(string implementation)
    {
        using (KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.ABS,
            TestTensor.Int16(new[] { 2 }, null, 0.1f, 0), TestTensor.Int16(new[] { 2 }, null, 0.1f, 3)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("int16 zero points must be 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.ABS,
            new TestTensor(TensorType.Int8, new[] { 2 }), new TestTensor(TensorType.Int8, new[] { 2 })))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("needs quantization parameters", runner.Errors.MessageText);
        }
        using (KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.RSQRT,
            TestTensor.Int8(new[] { 2 }, null, 0f, 0), TestTensor.Int8(new[] { 2 }, null, 0.1f, 0)))
        {
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains("must be positive and finite", runner.Errors.MessageText);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RsqrtInt8FollowsTheRealFunction(string implementation)
    {
        (float InScale, int InZero, float OutScale, int OutZero)[] cases =
        {
            (0.005f, -128, 0.1f, -128), // the golden model's parameters
            (0.02f, -3, 0.05f, 0),
            (0.5f, 0, 0.01f, -100),
        };
        foreach (var c in cases)
        {
            int count = 127 - c.InZero + 1;
            sbyte[] input = new sbyte[count];
            for (int i = 0; i < count; i++) input[i] = (sbyte)(c.InZero + i);
            using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.RSQRT,
                TestTensor.Int8(new[] { count }, null, c.OutScale, c.OutZero), TestTensor.Int8(new[] { count }, input, c.InScale, c.InZero));
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            sbyte[] actual = runner.Get<sbyte>(1);
            // The zero point (real 0) gives the largest value, as in TFLM.
            Assert.Equal(127, actual[0]);
            for (int i = 1; i < count; i++)
            {
                double real = 1.0 / Math.Sqrt((input[i] - c.InZero) * (double)c.InScale) / c.OutScale + c.OutZero;
                int expected = QuantizeReal(real, -128, 127, out _);
                // TFLM's fixed-point Newton iteration for 1/sqrt is accurate to a fraction of a step.
                Assert.InRange(actual[i], expected - 1, expected + 1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RsqrtInt8FailsOnValuesBelowTheZeroPoint(string implementation)
    {
        sbyte[] input = { 10, 20, 4, 30 };
        using KernelRunner runner = OpTestHarness.Runner(implementation, BuiltinOperator.RSQRT,
            TestTensor.Int8(new[] { 4 }, null, 0.1f, 0), TestTensor.Int8(new[] { 4 }, input, 0.1f, 5));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Error, runner.Invoke());
        Assert.Contains("input element 2 is 4, below the zero point 5", runner.Errors.MessageText);
    }

    /// <summary>Round half away from zero and clamp; flags values within 0.01 of a half (double rounding may differ).</summary>
    internal static int QuantizeReal(double real, int min, int max, out bool nearTie)
    {
        double fraction = Math.Abs(real - Math.Truncate(real));
        nearTie = Math.Abs(fraction - 0.5) < 1e-2;
        double rounded = Math.Round(real, MidpointRounding.AwayFromZero);
        return rounded < min ? min : rounded > max ? max : (int)rounded;
    }
}
