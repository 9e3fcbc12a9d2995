using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Compression;

/// <summary>
/// The arithmetic of TFLM's LUT compression, as pure functions over spans: indices are unsigned, <c>bitWidth</c>
/// bits each (1..7), packed from the most significant bit of the first byte onwards with no padding between them;
/// element e is replaced by entry index(e) of its channel's value table. Value tables are raw bytes in the
/// tensor's element type, so decoding copies <c>elementSize</c>-byte values and never interprets them.
/// </summary>
public static unsafe class LutDecompression
{
    /// <summary>Widest index TFLM accepts (LookupTableData::kMaxBitWidth).</summary>
    public const int MaxBitWidth = 7;

    /// <summary>Most values one channel's table may hold (LookupTableData::kMaxValueTableChannelStride).</summary>
    public const int MaxValuesPerChannel = 128;

    /// <summary>Bytes the packed indices of <paramref name="elementCount"/> elements occupy.</summary>
    public static long PackedBytes(long elementCount, int bitWidth) => (elementCount * bitWidth + 7) / 8;

    /// <summary>Index of element <paramref name="element"/>; the caller has checked the packed length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexAt(ReadOnlySpan<byte> packed, int element, int bitWidth)
    {
        long bit = (long)element * bitWidth;
        int at = (int)(bit >> 3);
        // A 7-bit index spans at most two bytes; read them as one big-endian 16-bit window.
        int window = packed[at] << 8;
        if (at + 1 < packed.Length) window |= packed[at + 1];
        int shift = 16 - (int)(bit & 7) - bitWidth;
        return (window >> shift) & ((1 << bitWidth) - 1);
    }

    /// <summary>
    /// The first element whose index is not below <paramref name="valuesPerChannel"/> (it would read another
    /// channel's table, or past the last one), or -1 when every index is valid.
    /// </summary>
    public static int FindIndexOutOfRange(ReadOnlySpan<byte> packed, int elementCount, int bitWidth, int valuesPerChannel)
    {
        if (valuesPerChannel >= (1 << bitWidth)) return -1;
        for (int e = 0; e < elementCount; e++)
        {
            if (IndexAt(packed, e, bitWidth) >= valuesPerChannel) return e;
        }
        return -1;
    }

    /// <summary>
    /// Decodes every element into <paramref name="destination"/> (elementCount × elementSize bytes). The caller has
    /// validated the geometry (see <see cref="FindIndexOutOfRange"/>); spans keep any mistake a bounds failure.
    /// </summary>
    public static void Decompress(ReadOnlySpan<byte> packed, int elementCount, int bitWidth, ReadOnlySpan<byte> valueTables,
        int elementSize, int channelCount, int valuesPerChannel, bool channelIsLastAxis, Span<byte> destination)
    {
        int tableBytes = valuesPerChannel * elementSize;
        if (channelIsLastAxis)
        {
            // Channels interleave: element e uses table e % channelCount.
            int e = 0;
            while (e < elementCount)
            {
                for (int channel = 0; channel < channelCount && e < elementCount; channel++, e++)
                {
                    CopyValue(valueTables, channel * tableBytes, IndexAt(packed, e, bitWidth), elementSize, destination, e);
                }
            }
            return;
        }

        int perChannel = elementCount / channelCount;
        int element = 0;
        for (int channel = 0; channel < channelCount; channel++)
        {
            int tableStart = channel * tableBytes;
            if (elementSize == 1)
            {
                ReadOnlySpan<byte> table = valueTables.Slice(tableStart, tableBytes);
                for (int i = 0; i < perChannel; i++, element++) destination[element] = table[IndexAt(packed, element, bitWidth)];
            }
            else
            {
                for (int i = 0; i < perChannel; i++, element++)
                {
                    CopyValue(valueTables, tableStart, IndexAt(packed, element, bitWidth), elementSize, destination, element);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyValue(ReadOnlySpan<byte> valueTables, int tableStart, int index, int elementSize, Span<byte> destination, int element)
    {
        valueTables.Slice(tableStart + index * elementSize, elementSize).CopyTo(destination.Slice(element * elementSize, elementSize));
    }
}
