using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MEAN as TFLM's reference/reduce.h computes it: sums over the reduced axes accumulated in row-major input
/// order (which fixes the float rounding), then divided by the number of reduced elements. Output element
/// positions ignore keep_dims: they are the input position with the reduced axes dropped.
/// </summary>
public static class MeanMath
{
    /// <summary>
    /// TFLM <c>ResolveAxis</c>: negative axes counted from the end, duplicates dropped, order of first
    /// appearance kept. Returns the number of axes written to <paramref name="resolved"/>, or -1 for an axis out
    /// of range.
    /// </summary>
    public static int ResolveAxes(int rank, ReadOnlySpan<int> axes, Span<int> resolved)
    {
        if (rank == 0) return 0;
        int count = 0;
        for (int i = 0; i < axes.Length; i++)
        {
            int current = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (current < 0 || current >= rank) return -1;
            bool duplicate = false;
            for (int j = 0; j < count; j++)
            {
                if (resolved[j] == current) { duplicate = true; break; }
            }
            if (!duplicate) resolved[count++] = current;
        }
        return count;
    }

    /// <summary>Product of the input dims along the resolved axes (64-bit, as TFLM's count).</summary>
    public static long ReducedElementCount(ReadOnlySpan<int> inputShape, ReadOnlySpan<int> resolvedAxes)
    {
        long count = 1;
        for (int i = 0; i < resolvedAxes.Length; i++) count *= inputShape[resolvedAxes[i]];
        return count;
    }

    /// <summary>
    /// TFLM's special case for float MEAN over height and width of a 4D NHWC tensor with keep_dims: per batch
    /// and channel, sum over h then w, divide by (float)(height · width).
    /// </summary>
    public static void MeanFloatOverHeightWidth(ReadOnlySpan<float> input, Span<float> output, int batches, int height, int width, int depth)
    {
        for (int b = 0; b < batches; b++)
        {
            for (int d = 0; d < depth; d++)
            {
                float value = 0f;
                for (int h = 0; h < height; h++)
                {
                    for (int w = 0; w < width; w++) value += input[((b * height + h) * width + w) * depth + d];
                }
                output[b * depth + d] = value / (width * height);
            }
        }
    }

    /// <summary>General float MEAN: sums accumulated in the output itself, then divided by (float)count.</summary>
    public static void MeanFloat(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, ReadOnlySpan<int> resolvedAxes)
    {
        output.Clear();
        if (!HasZeroDimension(inputShape))
        {
            Span<int> index = stackalloc int[MeanCommon.MaxRank];
            index = index.Slice(0, inputShape.Length);
            index.Clear();
            int position = 0;
            do
            {
                int target = ReducedOffset(inputShape, index, resolvedAxes);
                output[target] = input[position] + output[target];
                position++;
            } while (NextIndex(inputShape, index));
        }
        long count = ReducedElementCount(inputShape, resolvedAxes);
        if (count > 0)
        {
            float divisor = count;
            for (int i = 0; i < output.Length; i++) output[i] = output[i] / divisor;
        }
    }

    /// <summary>
    /// Integer sums into <paramref name="sums"/> (int32, wrapping like TFLM's expected-overflow add), one per
    /// output element. Returns false when the input has a zero dimension (nothing summed).
    /// </summary>
    public static bool Sum<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<int> sums, ReadOnlySpan<int> resolvedAxes)
        where T : unmanaged
    {
        sums.Clear();
        if (HasZeroDimension(inputShape)) return false;
        Span<int> index = stackalloc int[MeanCommon.MaxRank];
        index = index.Slice(0, inputShape.Length);
        index.Clear();
        int position = 0;
        do
        {
            int target = ReducedOffset(inputShape, index, resolvedAxes);
            sums[target] = unchecked(sums[target] + ToInt(input[position]));
            position++;
        } while (NextIndex(inputShape, index));
        return true;
    }

    /// <summary>
    /// Same input and output quantization (TFLM's <c>Mean&lt;T, int32_t&gt;</c>): output = sum / count, rounded to
    /// the nearest integer with halves away from zero (the TFLM snapshot the goldens come from rounds here;
    /// <c>mean_int8_hw_samequant</c> has sums of -23.5 and 19.5 per element that come out as -24 and 20, which plain
    /// truncating division would not give).
    /// </summary>
    public static void MeanSameQuantization<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output,
        ReadOnlySpan<int> resolvedAxes, Span<int> sums) where T : unmanaged
    {
        Sum(input, inputShape, sums, resolvedAxes);
        output.Clear();
        int count = unchecked((int)ReducedElementCount(inputShape, resolvedAxes));
        if (count <= 0) return;
        int half = count / 2;
        for (int i = 0; i < output.Length; i++)
        {
            int sum = sums[i];
            output[i] = FromInt<T>(sum >= 0 ? (sum + half) / count : (sum - half) / count);
        }
    }

    /// <summary>
    /// Different quantization (TFLM's <c>QuantizedMeanOrSum</c> for mean): 1/count is folded into the multiplier
    /// (shift by floor(log2 count), at most 32 and at most 31 + shift), the zero-point-corrected sum requantized
    /// and clamped to [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static void MeanRequantized<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output,
        ReadOnlySpan<int> resolvedAxes, Span<int> sums, int inputZeroPoint, int outputZeroPoint, int multiplier, int shift,
        int min, int max) where T : unmanaged
    {
        output.Clear();
        if (!Sum(input, inputShape, sums, resolvedAxes)) return;
        long count = ReducedElementCount(inputShape, resolvedAxes);
        if (count == 0) return;

        int countShift = 63 - FixedPointMath.CountLeadingZeros((ulong)count);
        if (countShift > 32) countShift = 32;
        if (countShift > 31 + shift) countShift = 31 + shift;
        int meanMultiplier = unchecked((int)(((long)multiplier << countShift) / count));
        int meanShift = shift - countShift;

        for (int i = 0; i < output.Length; i++)
        {
            int shiftedSum = unchecked((int)(sums[i] - inputZeroPoint * count));
            int value = FixedPointMath.MultiplyByQuantizedMultiplier(shiftedSum, meanMultiplier, meanShift) + outputZeroPoint;
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
        if (shape.Length == 0) return false;
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

    private static unsafe int ToInt<T>(T value) where T : unmanaged =>
        sizeof(T) == 1 ? *(sbyte*)&value : *(short*)&value;

    private static unsafe T FromInt<T>(int value) where T : unmanaged
    {
        T result = default;
        if (sizeof(T) == 1) *(sbyte*)&result = unchecked((sbyte)value);
        else *(short*)&result = unchecked((short)value);
        return result;
    }
}
