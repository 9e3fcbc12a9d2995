using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The six comparisons (TFLM reference/comparisons.h) as one walk per element type: each pair of operands is
/// classified as less, equal, greater or unordered (a NaN operand) and the op's outcome mask says which of
/// those are true — EQUAL is {equal}, NOT_EQUAL {less, greater, unordered}, GREATER_EQUAL {greater, equal}, ...
/// so C++'s IEEE semantics (every comparison with NaN false except !=) come out unchanged. Quantized inputs are
/// first brought to a common scale as TFLM does: ((q - zp) · 2^leftShift) · scale as a fixed-point multiplier.
/// Bools are one byte each; any non-zero byte is true. Outputs are one byte, 0 or 1.
/// </summary>
public static class ComparisonMath
{
    public const int Less = 1 << 0;
    public const int Equal = 1 << 1;
    public const int Greater = 1 << 2;

    /// <summary>At least one operand is NaN.</summary>
    public const int Unordered = 1 << 3;

    /// <summary>TFLM's left shift for int8 (and int16) comparisons.</summary>
    public const int QuantizedLeftShift = 8;

    private const int LessIndex = 0;
    private const int EqualIndex = 1;
    private const int GreaterIndex = 2;
    private const int UnorderedIndex = 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Outcome(float a, float b, int mask)
    {
        int index = a < b ? LessIndex : a == b ? EqualIndex : a > b ? GreaterIndex : UnorderedIndex;
        return (byte)((mask >> index) & 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Outcome(long a, long b, int mask)
    {
        int index = a < b ? LessIndex : a == b ? EqualIndex : GreaterIndex;
        return (byte)((mask >> index) & 1);
    }

    /// <summary>A quantized value on the common comparison scale (TFLM's ComparisonWithScaling).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rescale(int q, int offset, int leftShift, int multiplier, int shift)
    {
        int shifted = unchecked((offset + q) * (1 << leftShift));
        return FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(shifted, multiplier, shift);
    }

    public static void CompareFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<byte> output, int mask)
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = Outcome(input1[i1], input2[i2], mask);
        } while (cursor.NextRow(in shape));
    }

    public static void CompareInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<byte> output, int mask)
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = Outcome(input1[i1], input2[i2], mask);
        } while (cursor.NextRow(in shape));
    }

    public static void CompareInt64(in BroadcastShape shape, ReadOnlySpan<long> input1, ReadOnlySpan<long> input2, Span<byte> output, int mask)
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = Outcome(input1[i1], input2[i2], mask);
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Bools compared as 0/1 (false &lt; true), so EQUAL and NOT_EQUAL see only truth values.</summary>
    public static void CompareBool(in BroadcastShape shape, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, Span<byte> output, int mask)
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
                output[o] = Outcome(input1[i1] != 0 ? 1 : 0, input2[i2] != 0 ? 1 : 0, mask);
            }
        } while (cursor.NextRow(in shape));
    }

    public static void CompareInt8(in ComparisonOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<byte> output, int mask)
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
                int a = Rescale(input1[i1], p.Input1Offset, p.LeftShift, p.Input1Multiplier, p.Input1Shift);
                int b = Rescale(input2[i2], p.Input2Offset, p.LeftShift, p.Input2Multiplier, p.Input2Shift);
                output[o] = Outcome(a, b, mask);
            }
        } while (cursor.NextRow(in shape));
    }

    public static void CompareInt16(in ComparisonOpData p, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<byte> output, int mask)
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
                int a = Rescale(input1[i1], p.Input1Offset, p.LeftShift, p.Input1Multiplier, p.Input1Shift);
                int b = Rescale(input2[i2], p.Input2Offset, p.LeftShift, p.Input2Multiplier, p.Input2Shift);
                output[o] = Outcome(a, b, mask);
            }
        } while (cursor.NextRow(in shape));
    }
}
