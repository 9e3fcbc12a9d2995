using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ADD with legacy uint8 asymmetric quantization (TFLite's reference_ops::Add / BroadcastAdd for uint8): the same
/// fixed-point rescaling as int8 (left shift 20, each input rescaled by a multiplier below one, the sum rescaled to the
/// output), on uint8 values. <see cref="AddCommon.PrepareQuantized"/> computes the parameters as TFLite's add.cc does.
/// </summary>
public static class AddUInt8
{
    public static void Eval(in AddOpData p, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, Span<byte> output)
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
                output[o] = (byte)AddMath.AddQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }
}
