using System;
using TfLiteMicro.Kernels;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Quantization;

/// <summary>
/// TFLM's own quantization_util_test.cc vectors, plus random comparisons against host-double versions of
/// the same C++ expressions (tests may use double; the device code may not).
/// </summary>
public class QuantizationMathTests
{
    private static SoftDouble Soft(double value) => SoftDoubleTests.Soft(value);

    /// <summary>The C++ QuantizeMultiplier, written with host doubles (frexp via ILogB/ScaleB, std::round).</summary>
    private static (int Multiplier, int Shift) HostQuantizeMultiplier(double m)
    {
        if (m == 0) return (0, 0);
        int shift = Math.ILogB(m) + 1;
        double q = Math.ScaleB(m, -shift);
        long qFixed = (long)Math.Round(q * (1L << 31), MidpointRounding.AwayFromZero);
        if (qFixed == 1L << 31)
        {
            qFixed /= 2;
            shift++;
        }
        if (shift < -31)
        {
            shift = 0;
            qFixed = 0;
        }
        return ((int)qFixed, shift);
    }

    private static (int Multiplier, int Shift) Quantize(double m)
    {
        Assert.True(QuantizationMath.QuantizeMultiplier(Soft(m), out int q, out int shift));
        return (q, shift);
    }

    [Theory]
    [InlineData(-4, -1073741824, 3)]
    [InlineData(-2, -1073741824, 2)]
    [InlineData(-1, -1073741824, 1)]
    [InlineData(-0.5, -1073741824, 0)]
    [InlineData(-0.25, -1073741824, -1)]
    [InlineData(-0.125, -1073741824, -2)]
    [InlineData(0, 0, 0)]
    [InlineData(0.125, 1073741824, -2)]
    [InlineData(0.25, 1073741824, -1)]
    [InlineData(0.5, 1073741824, 0)]
    [InlineData(1, 1073741824, 1)]
    [InlineData(2, 1073741824, 2)]
    [InlineData(4, 1073741824, 3)]
    public void QuantizeMultiplier_TflmArrayVectors(double m, int expectedMultiplier, int expectedShift)
    {
        Assert.Equal((expectedMultiplier, expectedShift), Quantize(m));
    }

    [Fact]
    public void QuantizeMultiplier_TflmUnderflowVectors()
    {
        Assert.Equal((1073741824, -30), Quantize(Math.ScaleB(1.0f, -31)));
        Assert.Equal((1073741824, -31), Quantize(Math.ScaleB(1.0f, -32)));
        Assert.Equal((0, 0), Quantize(Math.ScaleB((double)0.99f, -32)));
        Assert.Equal((0, 0), Quantize(Math.ScaleB(1.0f, -33)));
    }

    [Fact]
    public void QuantizeMultiplier_RejectsNonFinite()
    {
        Assert.False(QuantizationMath.QuantizeMultiplier(SoftDouble.NaN, out _, out _));
        Assert.False(QuantizationMath.QuantizeMultiplier(SoftDouble.PositiveInfinity, out _, out _));
    }

    [Fact]
    public void QuantizeMultiplierSmallerThanOneExp_TflmVectors()
    {
        (int, int) Run(double m)
        {
            Assert.True(QuantizationMath.QuantizeMultiplierSmallerThanOneExp(Soft(m), out int q, out int s));
            return (q, s);
        }
        Assert.Equal((1073741824, -1), Run(0.25));
        Assert.Equal((2147483627, -1), Run(0.50 - 5e-9));
        Assert.Equal((1073741824, 0), Run(0.50 - 1e-10));
        Assert.Equal((1073741824, 0), Run(0.50));
        Assert.Equal((1610612736, 0), Run(0.75));
        Assert.Equal((2147483646, 0), Run(1 - 1e-9));
        // TFLM dies on these (CHECK failures); here they report false.
        foreach (double bad in new[] { -0.1, 0.0, 1 - 1e-15, 1 - 1e-17, 1.0 })
        {
            Assert.False(QuantizationMath.QuantizeMultiplierSmallerThanOneExp(Soft(bad), out _, out _));
        }
    }

    [Fact]
    public void QuantizeMultiplierGreaterThanOne_TflmVectors()
    {
        (int, int) Run(double m)
        {
            Assert.True(QuantizationMath.QuantizeMultiplierGreaterThanOne(Soft(m), out int q, out int s));
            return (q, s);
        }
        Assert.False(QuantizationMath.QuantizeMultiplierGreaterThanOne(Soft(1 + 1e-16), out _, out _));
        Assert.Equal((1073741824, 1), Run(1 + 1e-11));
        Assert.Equal((1342177280, 1), Run(1.25));
        Assert.Equal((1610612736, 1), Run(1.50));
        Assert.Equal((1879048192, 1), Run(1.75));
        Assert.Equal((2147483647, 1), Run(2 - 1e-9));
        Assert.Equal((1073741824, 2), Run(2 - 1e-11));
        Assert.Equal((1073741824, 2), Run(2));
    }

    [Fact]
    public void PreprocessSoftmaxScaling_TflmVectors()
    {
        (int, int) Run(double beta, double scale, int bits)
        {
            Assert.True(QuantizationMath.PreprocessSoftmaxScaling(Soft(beta), Soft(scale), bits, out int q, out int s));
            return (q, s);
        }
        Assert.Equal((2147483647, 31), Run(1.0, 16.0, 4));
        Assert.Equal((1073741824, 31), Run(1.0, 8.0, 4));
        Assert.Equal((2147483647, 31), Run(2.0, 16.0, 5));
        Assert.Equal((1073741824, 31), Run(2.0, 8.0, 5));
    }

    [Fact]
    public void PreprocessLogSoftmaxScalingExp_MatchesHostDoubleExpression()
    {
        var random = new Random(21);
        for (int i = 0; i < 20_000; i++)
        {
            float beta = 0.5f + (float)random.NextDouble();
            float scale = MathF.ScaleB(1 + (float)random.NextDouble(), random.Next(-12, -2));
            int bits = random.Next(3, 7);
            Assert.True(QuantizationMath.PreprocessLogSoftmaxScalingExp(SoftDouble.FromFloat(beta), SoftDouble.FromFloat(scale), bits,
                out int q, out int s, out int reverseQ, out int reverseS));
            double real = Math.Min((double)beta * scale * (1 << (31 - bits)), (1L << 31) - 1.0);
            Assert.Equal(HostQuantizeMultiplier(real), (q, s));
            double reverse = (1 << (31 - s)) / (double)q;
            Assert.Equal(HostQuantizeMultiplier(reverse), (reverseQ, reverseS));
        }
    }

    [Theory]
    [InlineData(4, 27, 15)]
    [InlineData(3, 27, 14)]
    [InlineData(3, 28, 7)]
    [InlineData(4, 2, 503316480)]
    public void CalculateInputRadius_TflmVectors(int integerBits, int leftShift, int expected)
    {
        Assert.Equal(expected, QuantizationMath.CalculateInputRadius(integerBits, leftShift));
    }

    [Fact]
    public void QuantizeMultiplier_RandomValues_MatchHostDouble()
    {
        var random = new Random(22);
        for (int i = 0; i < 300_000; i++)
        {
            double m = SoftDoubleTests.RandomDouble(random);
            if (!double.IsFinite(m)) continue;
            Assert.Equal(HostQuantizeMultiplier(m), Quantize(m));
        }
        // Values whose fraction rounds up to 2^31, and powers of two around the -31 flush.
        for (int e = -40; e <= 40; e++)
        {
            foreach (double m in new[] { Math.ScaleB(1.0, e), Math.BitDecrement(Math.ScaleB(1.0, e)), Math.BitIncrement(Math.ScaleB(1.0, e)) })
            {
                Assert.Equal(HostQuantizeMultiplier(m), Quantize(m));
                Assert.Equal(HostQuantizeMultiplier(-m), Quantize(-m));
            }
        }
    }

    [Fact]
    public void ConvolutionScales_MatchHostDoubleExpressions()
    {
        var random = new Random(23);
        for (int i = 0; i < 200_000; i++)
        {
            float input = RandomScale(random);
            float filter = RandomScale(random);
            float output = RandomScale(random);
            // Per-channel: (double)in * (double)filter / (double)out.
            double perChannel = (double)input * (double)filter / (double)output;
            SoftDouble effective = QuantizationMath.EffectiveOutputScale(input, filter, output);
            Assert.Equal(BitConverter.DoubleToUInt64Bits(perChannel), effective.Bits);
            Assert.True(QuantizationMath.QuantizeMultiplier(effective, out int q, out int s));
            Assert.Equal(HostQuantizeMultiplier(perChannel), (q, s));

            // Per-tensor fully connected: float product, then widened.
            double perTensor = (double)(input * filter) / (double)output;
            Assert.True(QuantizationMath.GetQuantizedConvolutionMultiplier(input, filter, output, out SoftDouble multiplier));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(perTensor), multiplier.Bits);

            // Bias check in double.
            float bias = random.Next(2) == 0 ? input * filter : RandomScale(random);
            bool expectedConsistent = Math.Abs((double)input * (double)filter - (double)bias) / (double)output <= 0.02;
            Assert.Equal(expectedConsistent, QuantizationMath.BiasScaleIsConsistent(input, filter, bias, output));
        }
    }

    private static float RandomScale(Random random) =>
        MathF.ScaleB(1 + (float)random.NextDouble(), random.Next(-20, 4));

    [Fact]
    public void PopulateConvolutionMultipliers_PerChannelAndBroadcast()
    {
        float input = 0.0078125f, output = 0.023529412f;
        float[] filterScales = { 0.0021f, 0.0033f, 0.00071f };
        var multipliers = new int[3];
        var shifts = new int[3];
        Assert.True(QuantizationMath.PopulateConvolutionMultipliers(input, filterScales, output, multipliers, shifts));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HostQuantizeMultiplier((double)input * filterScales[i] / output), (multipliers[i], shifts[i]));
        }
        Assert.True(QuantizationMath.PopulateConvolutionMultipliers(input, new[] { 0.5f }, output, multipliers, shifts));
        Assert.Equal(multipliers[0], multipliers[2]);
        Assert.Equal(shifts[0], shifts[2]);
        Assert.False(QuantizationMath.PopulateConvolutionMultipliers(input, new[] { 0.5f, 0.25f }, output, multipliers, shifts));
    }

    [Fact]
    public void PopulateConvolutionQuantizationParams_ChecksAndActivationRange()
    {
        var errors = new ErrorReporter();
        var multipliers = new int[2];
        var shifts = new int[2];
        Status status = QuantizationMath.PopulateConvolutionQuantizationParams(errors, TensorType.Int8, 0.5f,
            TensorType.Int8, new[] { 0.25f, 0.125f }, TensorType.Int8, 0.1f, -128, QuantizationMath.ActivationRelu6,
            multipliers, shifts, out int min, out int max);
        Assert.Equal(Status.Ok, status);
        Assert.Equal(HostQuantizeMultiplier(0.5 * 0.25 / (double)0.1f), (multipliers[0], shifts[0]));
        Assert.Equal(HostQuantizeMultiplier(0.5 * 0.125 / (double)0.1f), (multipliers[1], shifts[1]));
        Assert.Equal((1342177260, 1), (multipliers[0], shifts[0])); // ~1.25 = 0.625 * 2^1 (0.1f is not exact)
        Assert.Equal(-128, min);
        Assert.Equal(-68, max); // -128 + round(6 / 0.1)

        status = QuantizationMath.PopulateConvolutionQuantizationParams(errors, TensorType.Float32, 0.5f,
            TensorType.Int8, new[] { 0.25f, 0.125f }, TensorType.Int8, 0.1f, 0, 0, multipliers, shifts, out _, out _);
        Assert.Equal(Status.InvalidArgument, status);
        Assert.Contains("per-channel", errors.MessageText);

        status = QuantizationMath.PopulateConvolutionQuantizationParams(errors, TensorType.Int8, 0.5f,
            TensorType.Int8, new[] { 0.25f, 0.125f, 1f }, TensorType.Int8, 0.1f, 0, 0, multipliers, shifts, out _, out _);
        Assert.Equal(Status.InvalidArgument, status);
    }

    /// <summary>The kernel_util.cc Quantize helper with host floats (MathF.Round away from zero is roundf).</summary>
    private static bool HostQuantizeBound(float scale, int zeroPoint, float f, out int q)
    {
        float tmp = MathF.Round(f / scale, MidpointRounding.AwayFromZero);
        q = 0;
        if (!(tmp >= (float)int.MinValue && tmp <= (float)int.MaxValue)) return false;
        q = zeroPoint + (int)tmp;
        return true;
    }

    [Fact]
    public void ActivationRangeQuantized_MatchesHostFloatExpressions()
    {
        var random = new Random(24);
        int[] activations = { 0, 1, 2, 3, 4, 6 };
        for (int i = 0; i < 100_000; i++)
        {
            float scale = MathF.ScaleB(1 + (float)random.NextDouble(), random.Next(-12, 2));
            int zeroPoint = random.Next(-128, 128);
            int activation = activations[random.Next(activations.Length)];
            int expectedMin = -128, expectedMax = 127;
            int q;
            if (activation == 1 || activation == 3)
            {
                HostQuantizeBound(scale, zeroPoint, 0f, out q);
                expectedMin = Math.Max(expectedMin, q);
            }
            if (activation == 3)
            {
                HostQuantizeBound(scale, zeroPoint, 6f, out q);
                expectedMax = Math.Min(expectedMax, q);
            }
            if (activation == 2)
            {
                HostQuantizeBound(scale, zeroPoint, -1f, out q);
                expectedMin = Math.Max(expectedMin, q);
                HostQuantizeBound(scale, zeroPoint, 1f, out q);
                expectedMax = Math.Min(expectedMax, q);
            }
            Assert.Equal(Status.Ok, QuantizationMath.CalculateActivationRangeQuantized(new ErrorReporter(), activation, TensorType.Int8,
                scale, zeroPoint, out int min, out int max));
            Assert.Equal((expectedMin, expectedMax), (min, max));
        }
        // Overflowing bound: 6 / 1e-30 does not fit int32.
        var errors = new ErrorReporter();
        Assert.Equal(Status.InvalidArgument, QuantizationMath.CalculateActivationRangeQuantized(errors, QuantizationMath.ActivationRelu6,
            TensorType.Int16, 1e-30f, 0, out _, out _));
        Assert.Equal(Status.InvalidArgument, QuantizationMath.CalculateActivationRangeQuantized(errors, 0, TensorType.Float32, 1f, 0, out _, out _));
        // Int16 range with no activation.
        Assert.Equal(Status.Ok, QuantizationMath.CalculateActivationRangeQuantized(errors, 0, TensorType.Int16, 1f, 0, out int lo, out int hi));
        Assert.Equal((-32768, 32767), (lo, hi));
    }

    [Fact]
    public void FloatActivationRange_MatchesTflm()
    {
        QuantizationMath.CalculateActivationRange(QuantizationMath.ActivationRelu6, out float min, out float max);
        Assert.Equal((0f, 6f), (min, max));
        QuantizationMath.CalculateActivationRange(QuantizationMath.ActivationReluN1To1, out min, out max);
        Assert.Equal((-1f, 1f), (min, max));
        QuantizationMath.CalculateActivationRange(QuantizationMath.ActivationRelu, out min, out max);
        Assert.Equal((0f, float.MaxValue), (min, max));
        QuantizationMath.CalculateActivationRange(QuantizationMath.ActivationNone, out min, out max);
        Assert.Equal((float.MinValue, float.MaxValue), (min, max));
    }

    [Fact]
    public void RoundHalfAwayFromZero_MatchesRoundf()
    {
        var random = new Random(25);
        float[] edges = { 0f, -0f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 0.49999997f, 8388607.5f, 8388608f, float.MaxValue,
            float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, 0.99999994f };
        foreach (float f in edges)
        {
            Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Round(f, MidpointRounding.AwayFromZero)),
                BitConverter.SingleToUInt32Bits(QuantizationMath.RoundHalfAwayFromZero(f)));
        }
        for (int i = 0; i < 500_000; i++)
        {
            float f = i % 2 == 0
                ? BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31))
                : (random.Next(-100000, 100000) + 0.5f) * (random.Next(3) == 0 ? 1.0000001f : 1f);
            if (float.IsNaN(f)) continue;
            Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Round(f, MidpointRounding.AwayFromZero)),
                BitConverter.SingleToUInt32Bits(QuantizationMath.RoundHalfAwayFromZero(f)));
        }
    }

    [Fact]
    public void Quantize_MatchesAffineQuantizeInFloat()
    {
        var random = new Random(26);
        for (int i = 0; i < 200_000; i++)
        {
            float scale = MathF.ScaleB(1 + (float)random.NextDouble(), random.Next(-10, 0));
            int zeroPoint = random.Next(-128, 128);
            float value = (float)(random.NextDouble() * 20 - 10);
            if (i % 3 == 0) value = (random.Next(-300, 300) + 0.5f) * scale; // near ties
            int expected = (int)MathF.Round(value / scale, MidpointRounding.AwayFromZero) + zeroPoint;
            Assert.Equal(expected, QuantizationMath.Quantize(value, scale, zeroPoint));
            Assert.Equal(Math.Clamp(expected, -128, 127), QuantizationMath.QuantizeClamped(value, scale, zeroPoint, -128, 127));
        }
        Assert.Equal(-128 + 3, QuantizationMath.Quantize(0.25f, 0.1f, -128)); // 2.5 rounds away from zero
        Assert.Equal(-3, QuantizationMath.Quantize(-0.25f, 0.1f, 0));
    }
}
