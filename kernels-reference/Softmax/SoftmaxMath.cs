using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SOFTMAX over the last dimension, as TFLM's reference/softmax.h computes it: rows of <c>depth</c> elements,
/// each normalized on its own after subtracting the row maximum.
/// </summary>
public static class SoftmaxMath
{
    private const int AccumulationIntegerBits = 12;

    /// <summary>float: exp((x - max) · beta) / Σ, summed in row order.</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output, int depth, float beta)
    {
        int rows = input.Length / depth;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<float> x = input.Slice(row * depth, depth);
            Span<float> y = output.Slice(row * depth, depth);
            float max = float.MinValue;
            for (int c = 0; c < depth; c++) max = x[c] > max ? x[c] : max;
            float sum = 0f;
            for (int c = 0; c < depth; c++)
            {
                float e = ExpMath.Exp((x[c] - max) * beta);
                y[c] = e;
                sum += e;
            }
            for (int c = 0; c < depth; c++) y[c] = y[c] / sum;
        }
    }

    /// <summary>
    /// int8 input, int8 or int16 output (<paramref name="outputBits"/> 8 or 16, output zero point at the type's
    /// minimum): gemmlowp fixed point. Differences from the row maximum are rescaled to Q5.26, exponentiated,
    /// summed in Q12.19, and each exp is multiplied by the reciprocal of the sum.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output8, Span<short> output16, int depth,
        int inputMultiplier, int inputLeftShift, int diffMin)
    {
        bool wide = output8.IsEmpty;
        int outputBits = wide ? 16 : 8;
        int outputMin = wide ? short.MinValue : sbyte.MinValue;
        int outputMax = wide ? short.MaxValue : sbyte.MaxValue;
        int rows = input.Length / depth;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<sbyte> x = input.Slice(row * depth, depth);
            int max = sbyte.MinValue;
            for (int c = 0; c < depth; c++) max = x[c] > max ? x[c] : max;

            int sumOfExps = 0;
            for (int c = 0; c < depth; c++)
            {
                int diff = x[c] - max;
                if (diff >= diffMin)
                {
                    int exp = ScaledExp(diff, inputMultiplier, inputLeftShift);
                    // gemmlowp's FixedPoint + is a plain (wrapping) add.
                    sumOfExps = unchecked(sumOfExps + FixedPointMath.Rescale(exp, 0, AccumulationIntegerBits));
                }
            }

            int shiftedScale = FixedPointMath.GetReciprocal(sumOfExps, AccumulationIntegerBits, out int numBitsOverUnit);
            int exponent = numBitsOverUnit + 31 - outputBits;

            for (int c = 0; c < depth; c++)
            {
                int diff = x[c] - max;
                int value = outputMin;
                if (diff >= diffMin)
                {
                    int exp = ScaledExp(diff, inputMultiplier, inputLeftShift);
                    int unsaturated = FixedPointMath.RoundingDivideByPOT(
                        FixedPointMath.SaturatingRoundingDoublingHighMul(shiftedScale, exp), exponent);
                    value = ActivationMath.Clamp(unsaturated + outputMin, outputMin, outputMax);
                }
                if (wide) output16[row * depth + c] = (short)value;
                else output8[row * depth + c] = (sbyte)value;
            }
        }
    }

    // exp of a (non-positive) input difference: rescaled to Q5.26, result in Q0.31.
    private static int ScaledExp(int diff, int inputMultiplier, int inputLeftShift)
    {
        int rescaled = FixedPointMath.MultiplyByQuantizedMultiplierGreaterThanOne(diff, inputMultiplier, inputLeftShift);
        return FixedPointMath.ExpOnNegativeValues(rescaled, SoftmaxCommon.ScaledDiffIntegerBits);
    }

    /// <summary>
    /// int16 → int16 (TFLM <c>SoftmaxInt16</c>): exp through the interpolated table (differences mapped so that
    /// [-65535, 0] covers [-10, 0]), the reciprocal of the Q16.15 sum through the 1/(1+x) table, output Q0.15.
    /// The exps are kept in the output row between the two passes, as TFLM does.
    /// </summary>
    public static void EvalInt16(ReadOnlySpan<short> input, Span<short> output, int depth, int inputMultiplier, int inputShift,
        ReadOnlySpan<short> expTable, ReadOnlySpan<short> oneOverOnePlusXTable)
    {
        int rows = input.Length / depth;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<short> x = input.Slice(row * depth, depth);
            Span<short> y = output.Slice(row * depth, depth);
            int max = short.MinValue;
            for (int c = 0; c < depth; c++) max = x[c] > max ? x[c] : max;

            int sumOfExps = 0;
            for (int c = 0; c < depth; c++)
            {
                int diff = x[c] - max;
                int scaledDiff = FixedPointMath.MultiplyByQuantizedMultiplier(diff, inputMultiplier, inputShift);
                // Recentre [-65535, 0] on the table's symmetric input range.
                int symmetric = ActivationMath.Clamp(scaledDiff + 32767, short.MinValue, short.MaxValue);
                y[c] = Int16LookupTable.Lookup((short)symmetric, expTable);
                sumOfExps += y[c];
            }

            int headroomPlusOne = FixedPointMath.CountLeadingZeros((uint)sumOfExps);
            int shiftedSum = (int)((((long)sumOfExps << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
            // The table computes 1/(1 + x): x = sum - 1, recentred from [0, 65535] to [-32768, 32767].
            int symmetricSum = ActivationMath.Clamp(shiftedSum - ((1 << 15) + (1 << 16)), short.MinValue, short.MaxValue);
            int reciprocal = Int16LookupTable.Lookup((short)symmetricSum, oneOverOnePlusXTable);

            int rightShift = 31 - headroomPlusOne;
            long round = 1L << (rightShift - 1);
            for (int c = 0; c < depth; c++)
            {
                int result = (int)(((long)y[c] * reciprocal + round) >> rightShift);
                y[c] = (short)ActivationMath.Clamp(result, 0, short.MaxValue);
            }
        }
    }
}
