using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prune decoding (TFLM decode_state_prune.cc): the encoded tensor is a most-significant-bit-first mask with one bit
/// per output element; a set bit takes the next value of the ancillary value table (the kept values, in output
/// order), a cleared bit the zero point (0 for every type but int8).
/// </summary>
public static class DecodePruneMath
{
    /// <summary>Bytes of mask for <paramref name="count"/> elements.</summary>
    public static long EncodedByteCount(long count) => (count + 7) / 8;

    /// <summary>Whether element <paramref name="element"/> keeps a value.</summary>
    public static bool IsKept(ReadOnlySpan<byte> mask, int element) => ((mask[element >> 3] >> (7 - (element & 7))) & 1) != 0;

    /// <summary>Number of set bits among the first <paramref name="count"/> mask bits: the values the table must hold.</summary>
    public static int CountKept(ReadOnlySpan<byte> mask, int count)
    {
        int kept = 0;
        for (int element = 0; element < count; element++)
        {
            if (IsKept(mask, element)) kept++;
        }
        return kept;
    }

    /// <summary>One zero value for every pruned element (TFLM's DecompressToBuffer).</summary>
    public static void Decode<T>(ReadOnlySpan<byte> mask, ReadOnlySpan<T> values, T zero, Span<T> output) where T : unmanaged
    {
        int next = 0;
        for (int element = 0; element < output.Length; element++)
        {
            output[element] = IsKept(mask, element) ? values[next++] : zero;
        }
    }

    /// <summary>
    /// int8 with per-channel zero points (TFLM's DecompressToBufferPerChannelInt8): a pruned element takes its own
    /// channel's zero point; channels are contiguous blocks, or cycle per element along the alternate (last) axis.
    /// </summary>
    public static void DecodePerChannelInt8(ReadOnlySpan<byte> mask, ReadOnlySpan<sbyte> values, ReadOnlySpan<sbyte> zeroPoints,
        bool alternateAxis, Span<sbyte> output)
    {
        int channelCount = zeroPoints.Length;
        int perChannel = alternateAxis ? 1 : output.Length / channelCount;
        int next = 0;
        for (int element = 0; element < output.Length; element++)
        {
            int channel = alternateAxis ? element % channelCount : element / perChannel;
            output[element] = IsKept(mask, element) ? values[next++] : zeroPoints[channel];
        }
    }
}
