using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// STRIDED_SLICE index logic (TFLM's strided_slice_logic.h) and the copy loop (reference/strided_slice.h).
/// Two variants of the per-axis bounds exist in TFLM: Prepare checks the output shape with
/// <see cref="StartForAxis"/>/<see cref="StopForAxis"/> (mask first, then wrap and clamp) while Eval iterates
/// with <see cref="EvalStartForAxis"/>/<see cref="EvalStopForAxis"/> (wrap and clamp first, then the mask). Both
/// are kept so edge cases behave as in TFLM.
/// </summary>
public static class StridedSliceMath
{
    public const int MaxDimensions = StridedSliceOpData.MaxDimensions;

    private static int Clamp(int value, int low, int high) => value > high ? high : value < low ? low : value;

    private static bool Bit(int mask, int axis) => (mask & (1 << axis)) != 0;

    /// <summary>Shape-check start of an axis: begin (or the begin-mask extreme), wrapped once if negative, clamped.</summary>
    public static int StartForAxis(int begin, int stride, int axisSize, bool beginMasked)
    {
        if (axisSize == 0) return 0;
        int start = begin;
        if (beginMasked) start = stride > 0 ? int.MinValue : int.MaxValue;
        if (start < 0) start += axisSize;
        return stride > 0 ? Clamp(start, 0, axisSize) : Clamp(start, -1, axisSize - 1);
    }

    /// <summary>Shape-check stop of an axis; a shrunk axis always has length one.</summary>
    public static int StopForAxis(int end, int stride, int axisSize, bool endMasked, bool shrink, int start)
    {
        if (axisSize == 0) return 0;
        if (shrink) return start + 1;
        int stop = end;
        if (endMasked) stop = stride > 0 ? int.MaxValue : int.MinValue;
        if (stop < 0) stop += axisSize;
        return stride > 0 ? Clamp(stop, 0, axisSize) : Clamp(stop, -1, axisSize - 1);
    }

    /// <summary>Iteration start of an axis (TFLM's StridedSliceStartForAxis): wrap, clamp, then apply the mask.</summary>
    public static int EvalStartForAxis(int begin, int stride, int axisSize, bool beginMasked)
    {
        int start = begin;
        if (start < 0) start += axisSize;
        start = stride > 0 ? Clamp(start, 0, axisSize) : Clamp(start, -1, axisSize - 1);
        if (beginMasked) start = stride > 0 ? 0 : axisSize - 1;
        return start;
    }

    /// <summary>
    /// Iteration stop of an axis (TFLM's StridedSliceEndForAxis). With <paramref name="offset"/> the end is relative
    /// to the start.
    /// </summary>
    public static int EvalStopForAxis(int end, int stride, int axisSize, bool endMasked, bool shrink, bool offset, int start)
    {
        if (shrink) return start >= axisSize ? start : start + 1;
        int stop = end;
        if (offset) stop += start;
        if (stop < 0) stop += axisSize;
        stop = stride > 0 ? Clamp(stop, 0, axisSize) : Clamp(stop, -1, axisSize - 1);
        if (endMasked) stop = stride > 0 ? axisSize : -1;
        return stop;
    }

    /// <summary>Number of indices visited from start towards stop by stride (0 when none).</summary>
    public static int Length(int start, int stop, int stride)
    {
        int span = stop - start;
        if (stride > 0) return span <= 0 ? 0 : (span + stride - 1) / stride;
        return span >= 0 ? 0 : (-span + (-stride) - 1) / (-stride);
    }

    /// <summary>
    /// Copies the selected elements in row-major order of the output: for each of the 5 axes, indices start,
    /// start + stride, ... while short of stop.
    /// </summary>
    public static void StridedSlice<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> shape, ReadOnlySpan<int> start,
        ReadOnlySpan<int> stop, ReadOnlySpan<int> stride, Span<T> output) where T : unmanaged
    {
        int s4 = shape[4];
        int s3 = shape[3] * s4;
        int s2 = shape[2] * s3;
        int s1 = shape[1] * s2;
        int n = 0;
        for (int i0 = start[0]; Inside(i0, stop[0], stride[0]); i0 += stride[0])
        {
            for (int i1 = start[1]; Inside(i1, stop[1], stride[1]); i1 += stride[1])
            {
                for (int i2 = start[2]; Inside(i2, stop[2], stride[2]); i2 += stride[2])
                {
                    for (int i3 = start[3]; Inside(i3, stop[3], stride[3]); i3 += stride[3])
                    {
                        int row = i0 * s1 + i1 * s2 + i2 * s3 + i3 * s4;
                        if (stride[4] == 1)
                        {
                            int length = stop[4] - start[4];
                            if (length > 0)
                            {
                                input.Slice(row + start[4], length).CopyTo(output.Slice(n, length));
                                n += length;
                            }
                        }
                        else
                        {
                            for (int i4 = start[4]; Inside(i4, stop[4], stride[4]); i4 += stride[4]) output[n++] = input[row + i4];
                        }
                    }
                }
            }
        }
    }

    private static bool Inside(int index, int stop, int stride) => stride > 0 ? index < stop : index > stop;
}
