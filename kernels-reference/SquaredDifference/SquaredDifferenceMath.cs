using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SQUARED_DIFFERENCE as TFLM computes it (micro/kernels/squared_difference.cc): float32 and int32 as
/// (a - b) · (a - b) in the type (int32 wraps); int8/int16 by bringing both inputs to a common scale in
/// 32-bit fixed point, squaring the difference in int32 and rescaling to the output.
/// </summary>
public static class SquaredDifferenceMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SquaredDifferenceQuantized(int x, int y, in SquaredDifferenceOpData p)
    {
        int shifted1 = unchecked((p.Input1Offset + x) * (1 << p.LeftShift));
        int shifted2 = unchecked((p.Input2Offset + y) * (1 << p.LeftShift));
        int scaled1 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted1, p.Input1Multiplier, p.Input1Shift);
        int scaled2 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted2, p.Input2Multiplier, p.Input2Shift);
        int difference = unchecked(scaled1 - scaled2);
        int squared = unchecked(difference * difference);
        int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplier(squared, p.OutputMultiplier, p.OutputShift) + p.OutputOffset);
        return ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
    }

    public static void SquaredDifferenceFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                float difference = input1[i1] - input2[i2];
                output[o] = difference * difference;
            }
        } while (cursor.NextRow(in shape));
    }

    public static void SquaredDifferenceInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                int difference = unchecked(input1[i1] - input2[i2]);
                output[o] = unchecked(difference * difference);
            }
        } while (cursor.NextRow(in shape));
    }

    public static void SquaredDifferenceInt8(in SquaredDifferenceOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
    {
        ref readonly BroadcastShape shape = ref p.Shape;
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                output[o] = (sbyte)SquaredDifferenceQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    public static void SquaredDifferenceInt16(in SquaredDifferenceOpData p, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<short> output)
    {
        ref readonly BroadcastShape shape = ref p.Shape;
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                output[o] = (short)SquaredDifferenceQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }
}
