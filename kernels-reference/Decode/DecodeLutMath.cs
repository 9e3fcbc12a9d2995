using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// LUT decoding (TFLM decode_state_lut.cc): the encoded tensor is a big-endian, most-significant-bit-first string of
/// fixed-width indices, one per output element, zero-padded to a whole byte; each index selects an entry of its
/// channel's value table. TFLM's unrolled int8 paths for widths 2, 3 and 4 read the same bit string, so one generic
/// loop reproduces every path.
/// </summary>
public static class DecodeLutMath
{
    /// <summary>Bytes of bit string holding <paramref name="count"/> indices of <paramref name="bitWidth"/> bits.</summary>
    public static long EncodedByteCount(long count, int bitWidth) => (count * bitWidth + 7) / 8;

    /// <summary>The index at element <paramref name="element"/>; widths are at most 7 bits, so at most two bytes are read.</summary>
    public static int ReadIndex(ReadOnlySpan<byte> indices, long element, int bitWidth)
    {
        long bitPosition = element * bitWidth;
        int byteIndex = (int)(bitPosition >> 3);
        int bitInByte = (int)(bitPosition & 7);
        int window = indices[byteIndex] << 8;
        if (bitInByte + bitWidth > 8) window |= indices[byteIndex + 1];
        return (window >> (16 - bitInByte - bitWidth)) & ((1 << bitWidth) - 1);
    }

    /// <summary>
    /// The first element whose index does not address an entry of its channel's table (index >= stride), or -1.
    /// TFLM does not check; a model that failed this would read another channel's table or past the tensor.
    /// </summary>
    public static long FindIndexBeyondTable(ReadOnlySpan<byte> indices, int count, int bitWidth, int stride, out int index)
    {
        for (long element = 0; element < count; element++)
        {
            index = ReadIndex(indices, element, bitWidth);
            if (index >= stride) return element;
        }
        index = 0;
        return -1;
    }

    /// <summary>
    /// Writes one output element per index. Channel c's table starts at c × <paramref name="stride"/>; without the
    /// alternate axis channel c owns elements [c × perChannel, (c + 1) × perChannel), with it element e belongs to
    /// channel e mod <paramref name="channelCount"/>. The caller checked every index and every table bound.
    /// </summary>
    public static void Decode<T>(ReadOnlySpan<byte> indices, int bitWidth, ReadOnlySpan<T> valueTable, int stride,
        int channelCount, bool alternateAxis, Span<T> output) where T : unmanaged
    {
        int count = output.Length;
        if (alternateAxis)
        {
            int element = 0;
            while (element < count)
            {
                int tableStart = 0;
                for (int channel = 0; channel < channelCount; channel++)
                {
                    output[element] = valueTable[tableStart + ReadIndex(indices, element, bitWidth)];
                    element++;
                    tableStart += stride;
                }
            }
        }
        else
        {
            int perChannel = count / channelCount;
            int element = 0;
            int tableStart = 0;
            for (int channel = 0; channel < channelCount; channel++)
            {
                for (int i = 0; i < perChannel; i++)
                {
                    output[element] = valueTable[tableStart + ReadIndex(indices, element, bitWidth)];
                    element++;
                }
                tableStart += stride;
            }
        }
    }
}
