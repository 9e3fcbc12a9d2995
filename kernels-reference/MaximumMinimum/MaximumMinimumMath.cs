using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MAXIMUM and MINIMUM as TFLM computes them (maximum_minimum.cc): maximum = a &gt; b ? a : b, minimum =
/// a &lt; b ? a : b, on the raw values (quantized inputs are compared as stored, without rescaling). With a NaN
/// the second operand is returned, as in TFLM.
/// </summary>
public static class MaximumMinimumMath
{
    /// <summary>Float element-wise maximum (<paramref name="maximum"/>) or minimum with broadcasting.</summary>
    public static void Float(in BroadcastShape shape, bool maximum, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output)
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
                float a = input1[i1];
                float b = input2[i2];
                output[o] = maximum ? (a > b ? a : b) : (a < b ? a : b);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Int8 element-wise maximum (<paramref name="maximum"/>) or minimum with broadcasting.</summary>
    public static void Int8(in BroadcastShape shape, bool maximum, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
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
                sbyte a = input1[i1];
                sbyte b = input2[i2];
                output[o] = maximum ? (a > b ? a : b) : (a < b ? a : b);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Int16 element-wise maximum (<paramref name="maximum"/>) or minimum with broadcasting.</summary>
    public static void Int16(in BroadcastShape shape, bool maximum, ReadOnlySpan<short> input1, ReadOnlySpan<short> input2, Span<short> output)
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
                short a = input1[i1];
                short b = input2[i2];
                output[o] = maximum ? (a > b ? a : b) : (a < b ? a : b);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Int32 element-wise maximum (<paramref name="maximum"/>) or minimum with broadcasting.</summary>
    public static void Int32(in BroadcastShape shape, bool maximum, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output)
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
                int a = input1[i1];
                int b = input2[i2];
                output[o] = maximum ? (a > b ? a : b) : (a < b ? a : b);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Int64 element-wise maximum (<paramref name="maximum"/>) or minimum with broadcasting.</summary>
    public static void Int64(in BroadcastShape shape, bool maximum, ReadOnlySpan<long> input1, ReadOnlySpan<long> input2, Span<long> output)
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
                long a = input1[i1];
                long b = input2[i2];
                output[o] = maximum ? (a > b ? a : b) : (a < b ? a : b);
            }
        } while (cursor.NextRow(in shape));
    }
}
