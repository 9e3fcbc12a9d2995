using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ADD arithmetic as TFLM's reference kernels do it (reference/add.h, reference/integer_ops/add.h). Quantized
/// inputs are moved to a common scale in 32-bit fixed point: (q + offset) · 2^leftShift, each rescaled by its
/// multiplier (smaller than one), summed, rescaled to the output, offset and clamped. For int16 TFLM always
/// takes this general path (its "pot" variant, a plain saturating add of power-of-two-scaled inputs, is never
/// selected by the micro kernel), so only the general path exists here.
/// </summary>
public static class AddMath
{
    /// <summary>The quantized sum of one pair of (int8 or int16) values, clamped, before narrowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AddQuantized(int x, int y, in AddOpData p)
    {
        int shifted1 = unchecked((p.Input1Offset + x) * (1 << p.LeftShift));
        int shifted2 = unchecked((p.Input2Offset + y) * (1 << p.LeftShift));
        int scaled1 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted1, p.Input1Multiplier, p.Input1Shift);
        int scaled2 = FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted2, p.Input2Multiplier, p.Input2Shift);
        int sum = unchecked(scaled1 + scaled2);
        int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(sum, p.OutputMultiplier, p.OutputShift)
            + p.OutputOffset);
        return ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
    }

    /// <summary>int8 ADD with broadcasting.</summary>
    public static void AddInt8(in AddOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
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
                output[o] = (sbyte)AddQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int16 ADD with broadcasting (TFLM's general-scale int16 path).</summary>
    public static void AddInt16(in AddOpData p, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<short> output)
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
                output[o] = (short)AddQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>float32 ADD with broadcasting: a + b, then the activation clamp.</summary>
    public static void AddFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output,
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
                output[o] = ActivationMath.Clamp(input1[i1] + input2[i2], activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int32 ADD with broadcasting: wrapping 32-bit sum, no activation clamp (TFLM ignores it for int32).</summary>
    public static void AddInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output)
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
                output[o] = unchecked(input1[i1] + input2[i2]);
            }
        } while (cursor.NextRow(in shape));
    }
}
