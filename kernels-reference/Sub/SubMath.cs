using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SUB arithmetic as TFLM's reference kernels do it (reference/sub.h): the quantized path is ADD's with the
/// rescaled second input subtracted instead of added; float and int32 subtract and clamp.
/// </summary>
public static class SubMath
{
    /// <summary>The quantized difference of one pair of (int8 or int16) values, clamped, before narrowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SubQuantized(int x, int y, in SubOpData p)
    {
        int shifted1 = unchecked((p.Input1Offset + x) * (1 << p.LeftShift));
        int shifted2 = unchecked((p.Input2Offset + y) * (1 << p.LeftShift));
        int scaled1 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted1, p.Input1Multiplier, p.Input1Shift);
        int scaled2 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted2, p.Input2Multiplier, p.Input2Shift);
        int difference = unchecked(scaled1 - scaled2);
        int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(difference, p.OutputMultiplier, p.OutputShift)
            + p.OutputOffset);
        return ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
    }

    /// <summary>int8 SUB with broadcasting.</summary>
    public static void SubInt8(in SubOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
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
                output[o] = (sbyte)SubQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int16 SUB with broadcasting (general scales).</summary>
    public static void SubInt16(in SubOpData p, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<short> output)
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
                output[o] = (short)SubQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>float32 SUB with broadcasting: a − b, then the activation clamp.</summary>
    public static void SubFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output,
        in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
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
                output[o] = ActivationMath.Clamp(input1[i1] - input2[i2], activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int32 SUB with broadcasting: wrapping 32-bit difference, then the activation clamp.</summary>
    public static void SubInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output,
        int activationMin, int activationMax)
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
                output[o] = ActivationMath.Clamp(unchecked(input1[i1] - input2[i2]), activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }
}
