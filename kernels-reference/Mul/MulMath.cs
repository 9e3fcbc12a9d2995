using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MUL arithmetic as TFLM's reference kernels do it (reference/mul.h, reference/integer_ops/mul.h):
/// quantized: clamp(outputOffset + MultiplyByQuantizedMultiplier((q1 + o1)(q2 + o2), m, shift)), with the
/// product in 32 bits; float and int32: a · b, then the activation clamp (int32 wraps on overflow).
/// </summary>
public static class MulMath
{
    /// <summary>The quantized product of one pair of (int8 or int16) values, clamped, before narrowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MulQuantized(int x, int y, in MulOpData p)
    {
        int product = unchecked((p.Input1Offset + x) * (p.Input2Offset + y));
        int result = unchecked(p.OutputOffset + FixedPointMath.MultiplyByQuantizedMultiplier(product, p.OutputMultiplier, p.OutputShift));
        return ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
    }

    /// <summary>int8 MUL with broadcasting.</summary>
    public static void MulInt8(in MulOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
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
                output[o] = (sbyte)MulQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int16 MUL with broadcasting (zero points are 0).</summary>
    public static void MulInt16(in MulOpData p, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<short> output)
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
                output[o] = (short)MulQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>float32 MUL with broadcasting.</summary>
    public static void MulFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output,
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
                output[o] = ActivationMath.Clamp(input1[i1] * input2[i2], activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int32 MUL with broadcasting: wrapping 32-bit product, then the activation clamp.</summary>
    public static void MulInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output,
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
                output[o] = ActivationMath.Clamp(unchecked(input1[i1] * input2[i2]), activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }
}
