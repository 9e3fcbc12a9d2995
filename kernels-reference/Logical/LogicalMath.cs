using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// LOGICAL_AND / LOGICAL_OR over one-byte bools with broadcasting (TFLM logical.cc); any non-zero byte is true,
/// results are 0 or 1.
/// </summary>
public static class LogicalMath
{
    public static void And(in BroadcastShape shape, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, Span<byte> output)
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
                output[o] = input1[i1] != 0 && input2[i2] != 0 ? (byte)1 : (byte)0;
            }
        } while (cursor.NextRow(in shape));
    }

    public static void Or(in BroadcastShape shape, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, Span<byte> output)
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
                output[o] = input1[i1] != 0 || input2[i2] != 0 ? (byte)1 : (byte)0;
            }
        } while (cursor.NextRow(in shape));
    }
}
