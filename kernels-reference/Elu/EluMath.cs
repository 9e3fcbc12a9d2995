using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>ELU (alpha 1) as TFLM's reference/elu.h (float) and elu.cc (int8 lookup table) compute it.</summary>
public static class EluMath
{
    // Below this magnitude e^x − 1 loses relative precision to cancellation; the series is used instead.
    private const float SeriesLimit = 0.35f;

    /// <summary>float: x &lt; 0 ? e^x − 1 : x (TFLM's expm1).</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float x = input[i];
            output[i] = x < 0f ? ExpMinusOne(x) : x;
        }
    }

    /// <summary>int8: one table lookup per element.</summary>
    public static unsafe void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, sbyte* table)
    {
        for (int i = 0; i < output.Length; i++) output[i] = table[(byte)input[i]];
    }

    /// <summary>
    /// TFLM's <c>PopulateLookupTable</c> for ELU, in float as TFLM does it: dequantize, transform (e^x − 1 with
    /// expf for negatives), multiply by 1 / output scale, roundf, add the output zero point, truncate, clamp.
    /// expf is evaluated correctly rounded (<see cref="ExpMath.ExpCorrectlyRounded"/>) so table entries match.
    /// </summary>
    public static unsafe void PopulateInt8Table(sbyte* table, float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint)
    {
        float inverseScale = 1f / outputScale;
        for (int value = sbyte.MinValue; value <= sbyte.MaxValue; value++)
        {
            float dequantized = inputScale * (value - inputZeroPoint);
            float transformed = dequantized < 0f ? ExpMath.ExpCorrectlyRounded(dequantized) - 1f : dequantized;
            float rescaled = QuantizationMath.RoundHalfAwayFromZero(transformed * inverseScale);
            int quantized = unchecked((int)(rescaled + outputZeroPoint));
            table[(byte)(sbyte)value] = (sbyte)ActivationMath.Clamp(quantized, sbyte.MinValue, sbyte.MaxValue);
        }
    }

    /// <summary>e^x − 1 for x &lt; 0: Taylor series near 0 (no cancellation), <see cref="MathF.Exp"/> − 1 beyond.</summary>
    public static float ExpMinusOne(float x)
    {
        if (x > -SeriesLimit)
        {
            // x + x²/2! + ... + x⁹/9!: the first omitted term is below 1e-9 relative for |x| < 0.35.
            float sum = 1f / 362880f;
            sum = 1f / 40320f + x * sum;
            sum = 1f / 5040f + x * sum;
            sum = 1f / 720f + x * sum;
            sum = 1f / 120f + x * sum;
            sum = 1f / 24f + x * sum;
            sum = 1f / 6f + x * sum;
            sum = 0.5f + x * sum;
            sum = 1f + x * sum;
            return x * sum;
        }
        return MathF.Exp(x) - 1f;
    }
}
