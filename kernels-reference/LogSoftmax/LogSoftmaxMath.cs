using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOG_SOFTMAX over the last dimension as TFLM's reference/log_softmax.h computes it.</summary>
public static class LogSoftmaxMath
{
    private const int AccumulationIntegerBits = 12;
    private const int OutputIntegerBits = 4;

    /// <summary>float: x − max − log(Σ e^(x − max)) per row, with the C library's expf/logf.</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output, int outerSize, int depth)
    {
        for (int row = 0; row < outerSize; row++)
        {
            ReadOnlySpan<float> x = input.Slice(row * depth, depth);
            Span<float> y = output.Slice(row * depth, depth);
            float max = float.MinValue;
            for (int c = 0; c < depth; c++) max = max < x[c] ? x[c] : max;
            float sum = 0f;
            for (int c = 0; c < depth; c++) sum += MathF.Exp(x[c] - max);
            float logSum = MathF.Log(sum);
            for (int c = 0; c < depth; c++) y[c] = x[c] - max - logSum;
        }
    }

    /// <summary>
    /// int8: differences from the row maximum rescaled to Q5.26, e^diff summed in Q12.19, the fixed-point log of
    /// the sum (Q5.26) subtracted, and the result rounded to 4 integer bits plus 127 (output scale 1/16); too-small
    /// differences give -128.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, in LogSoftmaxOpData data)
    {
        int depth = data.Depth;
        for (int row = 0; row < data.OuterSize; row++)
        {
            ReadOnlySpan<sbyte> x = input.Slice(row * depth, depth);
            Span<sbyte> y = output.Slice(row * depth, depth);
            int max = sbyte.MinValue;
            for (int c = 0; c < depth; c++) max = max < x[c] ? x[c] : max;

            int sumOfExpsQ12 = 0;
            for (int c = 0; c < depth; c++)
            {
                int diff = x[c] - max;
                if (diff >= data.DiffMin)
                {
                    int diffQ5 = FixedPointMath.MultiplyByQuantizedMultiplier(diff, data.InputMultiplier, data.InputLeftShift);
                    int expQ0 = FixedPointMath.ExpOnNegativeValues(diffQ5, LogSoftmaxCommon.ScaledDiffIntegerBits);
                    sumOfExpsQ12 = unchecked(sumOfExpsQ12 + FixedPointMath.Rescale(expQ0, 0, AccumulationIntegerBits));
                }
            }

            int logSumOfExpsQ5 = FixedPointLog.LogOfXGreaterThanOrEqualToOne(sumOfExpsQ12, AccumulationIntegerBits,
                LogSoftmaxCommon.ScaledDiffIntegerBits);
            // The smallest representable Q5.26 value plus the log: differences at or below it (mapped back to the
            // input scale) cannot produce anything above the minimum.
            int shiftedLogSumOfExpsQ5 = unchecked(logSumOfExpsQ5 + int.MinValue);
            int reverseScaled = FixedPointMath.MultiplyByQuantizedMultiplier(shiftedLogSumOfExpsQ5, data.ReverseScalingDivisor,
                -data.ReverseScalingRightShift);
            int adjustedDiffMin = data.DiffMin - 1 > reverseScaled ? data.DiffMin - 1 : reverseScaled;

            for (int c = 0; c < depth; c++)
            {
                int diff = x[c] - max;
                if (diff > adjustedDiffMin)
                {
                    int diffQ5 = FixedPointMath.MultiplyByQuantizedMultiplier(diff, data.InputMultiplier, data.InputLeftShift);
                    int outputValue = FixedPointMath.RoundingDivideByPOT(unchecked(diffQ5 - logSumOfExpsQ5),
                        31 - LogSoftmaxCommon.ScaledDiffIntegerBits - OutputIntegerBits) + sbyte.MaxValue;
                    y[c] = (sbyte)ActivationMath.Clamp(outputValue, sbyte.MinValue, sbyte.MaxValue);
                }
                else
                {
                    y[c] = sbyte.MinValue;
                }
            }
        }
    }
}
