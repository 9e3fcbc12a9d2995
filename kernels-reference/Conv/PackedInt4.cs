using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// int4 weights as TFLM stores them: two per byte, the even element in the low nibble, each nibble a signed 4-bit value
/// (TFLM's UnpackDenseInt4IntoInt8); an odd count leaves the high nibble of the last byte unused.
/// </summary>
public static unsafe class PackedInt4
{
    /// <summary>
    /// The int8 weights of a convolution at Invoke: the tensor itself, or — for int4 weights (scratch index ≥ 0) — the
    /// scratch buffer after unpacking the tensor into it.
    /// </summary>
    public static ReadOnlySpan<sbyte> Int8Weights(KernelContext context, ref EvalTensor filter, int scratchIndex)
    {
        if (scratchIndex < 0) return filter.AsReadOnlySpan<sbyte>();
        Span<sbyte> unpacked = new Span<sbyte>(context.GetScratchBuffer(scratchIndex), filter.ElementCount);
        Unpack(new ReadOnlySpan<byte>(filter.Data, filter.ByteCount), unpacked);
        return unpacked;
    }

    public static void Unpack(ReadOnlySpan<byte> packed, Span<sbyte> destination)
    {
        int count = destination.Length;
        for (int i = 0; i < count / 2; i++)
        {
            int value = (sbyte)packed[i];
            destination[2 * i] = (sbyte)((sbyte)(value << 4) >> 4);
            destination[2 * i + 1] = (sbyte)(value >> 4);
        }
        if ((count & 1) != 0)
        {
            destination[count - 1] = (sbyte)((sbyte)(packed[count / 2] << 4) >> 4);
        }
    }
}
