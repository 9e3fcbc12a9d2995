using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// L2_NORMALIZATION over the last dimension as TFLM's reference/l2normalization.h (float) and
/// reference/integer_ops/l2normalization.h (int8) compute it.
/// </summary>
public static class L2NormalizationMath
{
    /// <summary>TFLM's hard-coded epsilon: the norm is at least this.</summary>
    public const float Epsilon = 1e-6f;

    private const int Int8OutputFractionalBits = 7;
    private const int ReverseShift = -1;

    /// <summary>float: x / max(sqrt(Σ x²), 1e-6) per row (sqrtf).</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output, int outerSize, int depth)
    {
        for (int row = 0; row < outerSize; row++)
        {
            ReadOnlySpan<float> x = input.Slice(row * depth, depth);
            Span<float> y = output.Slice(row * depth, depth);
            float squaredNorm = 0f;
            for (int c = 0; c < depth; c++) squaredNorm += x[c] * x[c];
            float norm = MathF.Sqrt(squaredNorm);
            norm = norm < Epsilon ? Epsilon : norm;
            for (int c = 0; c < depth; c++) y[c] = x[c] / norm;
        }
    }

    /// <summary>
    /// int8: Σ (x − zero point)² in int32, 1/sqrt of it as a fixed-point multiplier (Newton-Raphson), each
    /// (x − zero point) multiplied by it with 7 extra fractional bits and clamped.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, int outerSize, int depth, int inputZeroPoint)
    {
        for (int row = 0; row < outerSize; row++)
        {
            ReadOnlySpan<sbyte> x = input.Slice(row * depth, depth);
            Span<sbyte> y = output.Slice(row * depth, depth);
            int sumOfSquares = 0;
            for (int c = 0; c < depth; c++)
            {
                int value = x[c] - inputZeroPoint;
                sumOfSquares = unchecked(sumOfSquares + value * value);
            }
            FixedPointMath.GetInvSqrtQuantizedMultiplierExp(sumOfSquares, ReverseShift, out int multiplier, out int shift);
            for (int c = 0; c < depth; c++)
            {
                int value = x[c] - inputZeroPoint;
                int outputQ7 = FixedPointMath.MultiplyByQuantizedMultiplier(value, multiplier, shift + Int8OutputFractionalBits);
                y[c] = (sbyte)ActivationMath.Clamp(outputQ7, sbyte.MinValue, sbyte.MaxValue);
            }
        }
    }
}
