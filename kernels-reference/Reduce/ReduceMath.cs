using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The reductions as TFLM's reference/reduce.h computes them: the output is filled with the reducer's initial
/// value, then every input element, in row-major order, is folded into the output element it maps to (the input
/// position with the reduced axes dropped; keep_dims does not change positions). An input with a zero dimension
/// leaves the initial values.
/// </summary>
public static class ReduceMath
{
    /// <summary>TFLM <c>ReduceGeneric</c> over already resolved (deduplicated, non-negative) axes.</summary>
    public static void Reduce<T, TReducer>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output,
        ReadOnlySpan<int> resolvedAxes, TReducer reducer) where T : unmanaged where TReducer : struct, IReducer<T>
    {
        output.Fill(reducer.Initial);
        if (HasZeroDimension(inputShape)) return;
        Span<int> index = stackalloc int[ReduceCommon.MaxRank];
        index = index.Slice(0, inputShape.Length);
        index.Clear();
        int position = 0;
        do
        {
            int target = ReducedOffset(inputShape, index, resolvedAxes);
            output[target] = reducer.Combine(output[target], input[position]);
            position++;
        } while (NextIndex(inputShape, index));
    }

    /// <summary>
    /// SUM int8/int16 (TFLM's <c>QuantizedMeanOrSum</c> with compute_sum): int32 sums (wrapping), the input zero
    /// point times the number of summed elements taken off, requantized, output zero point added, clamped to
    /// [<paramref name="min"/>, <paramref name="max"/>]. Outputs are 0 when nothing was summed.
    /// </summary>
    public static void SumRequantized<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output,
        ReadOnlySpan<int> resolvedAxes, Span<int> sums, int inputZeroPoint, int outputZeroPoint, int multiplier, int shift,
        int min, int max) where T : unmanaged
    {
        output.Clear();
        if (!MeanMath.Sum(input, inputShape, sums, resolvedAxes)) return;
        long count = MeanMath.ReducedElementCount(inputShape, resolvedAxes);
        if (count == 0) return;
        for (int i = 0; i < output.Length; i++)
        {
            int shiftedSum = unchecked((int)(sums[i] - inputZeroPoint * count));
            int value = FixedPointMath.MultiplyByQuantizedMultiplier(shiftedSum, multiplier, shift) + outputZeroPoint;
            output[i] = FromInt<T>(ActivationMath.Clamp(value, min, max));
        }
    }

    private static bool HasZeroDimension(ReadOnlySpan<int> shape)
    {
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0) return true;
        }
        return false;
    }

    // TFLM ReducedOutputOffset: row-major offset over the dims that are not reduced.
    private static int ReducedOffset(ReadOnlySpan<int> shape, ReadOnlySpan<int> index, ReadOnlySpan<int> axes)
    {
        int offset = 0;
        for (int d = 0; d < shape.Length; d++)
        {
            bool reduced = false;
            for (int a = 0; a < axes.Length; a++)
            {
                if (axes[a] == d) { reduced = true; break; }
            }
            if (!reduced) offset = offset * shape[d] + index[d];
        }
        return offset;
    }

    // TFLM NextIndex: row-major increment; false after the last index (and for rank 0).
    private static bool NextIndex(ReadOnlySpan<int> shape, Span<int> index)
    {
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            int next = index[d] + 1;
            if (next == shape[d])
            {
                index[d] = 0;
            }
            else
            {
                index[d] = next;
                return true;
            }
        }
        return false;
    }

    private static unsafe T FromInt<T>(int value) where T : unmanaged
    {
        T result = default;
        if (sizeof(T) == 1) *(sbyte*)&result = unchecked((sbyte)value);
        else *(short*)&result = unchecked((short)value);
        return result;
    }
}
