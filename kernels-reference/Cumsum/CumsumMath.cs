using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CUMSUM (TFLM's reference/cumsum.h). The tensor is seen as [before, depth, after] around the axis; each of the
/// before × after lines is summed along depth, front to back or back to front.
/// </summary>
public static class CumsumMath
{
    /// <summary>Makes a negative axis count from the end; fails outside the rank.</summary>
    public static Status ResolveAxis(int axis, int rank, out int resolved, ErrorReporter errors)
    {
        resolved = axis < 0 ? axis + rank : axis;
        if (resolved >= 0 && resolved < rank) return Status.Ok;
        return errors.Fail(Status.Error, "axis "u8).Append(axis).Append(" is outside the input's "u8).Append(rank).Append(" dimensions"u8);
    }

    public static void CumSum(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<int> shape, int axis, bool exclusive, bool reverse)
    {
        int before = ShapeChecks.Product(shape, 0, axis);
        int depth = shape[axis];
        int after = ShapeChecks.Product(shape, axis + 1, shape.Length);
        for (int b = 0; b < before; b++)
        {
            for (int a = 0; a < after; a++)
            {
                float sum = 0f;
                for (int k = 0; k < depth; k++)
                {
                    int d = reverse ? depth - 1 - k : k;
                    int index = (b * depth + d) * after + a;
                    if (exclusive)
                    {
                        output[index] = sum;
                        sum += input[index];
                    }
                    else
                    {
                        sum += input[index];
                        output[index] = sum;
                    }
                }
            }
        }
    }

    /// <summary>
    /// int8: each value becomes ((q + inputOffset) · 2^leftShift) scaled by the input multiplier; the running sum
    /// of those (starting, as in TFLM, from the scaled inputOffset itself) is rescaled to the output and clamped.
    /// </summary>
    public static void CumSum(ref CumsumOpData data, ReadOnlySpan<sbyte> input, Span<sbyte> output, ReadOnlySpan<int> shape, int axis,
        bool exclusive, bool reverse)
    {
        int before = ShapeChecks.Product(shape, 0, axis);
        int depth = shape[axis];
        int after = ShapeChecks.Product(shape, axis + 1, shape.Length);
        int start = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(unchecked(data.InputOffset * (1 << data.LeftShift)),
            data.InputMultiplier, data.InputShift);
        for (int b = 0; b < before; b++)
        {
            for (int a = 0; a < after; a++)
            {
                int sum = start;
                for (int k = 0; k < depth; k++)
                {
                    int d = reverse ? depth - 1 - k : k;
                    int index = (b * depth + d) * after + a;
                    int shifted = unchecked((data.InputOffset + input[index]) * (1 << data.LeftShift));
                    int scaled = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted, data.InputMultiplier, data.InputShift);
                    int value;
                    if (exclusive)
                    {
                        value = sum;
                        sum = unchecked(sum + scaled);
                    }
                    else
                    {
                        sum = unchecked(sum + scaled);
                        value = sum;
                    }
                    int raw = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(value, data.OutputMultiplier, data.OutputShift)
                        + data.OutputOffset;
                    if (raw < data.OutputActivationMin) raw = data.OutputActivationMin;
                    if (raw > data.OutputActivationMax) raw = data.OutputActivationMax;
                    output[index] = (sbyte)raw;
                }
            }
        }
    }
}
