using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Huffman decoding (TFLM decode_state_huffman.{h,cc}). The encoded tensor is one most-significant-bit-first bit
/// string (TFLM reads it as big-endian 32-bit words). Each symbol starts with a lookup of InitialTableBits bits in the
/// first-level table; an entry either holds the symbol (flag bit set) together with how many of the looked-up bits the
/// codeword really used — the rest are put back — or points to a sub-table: its count field + 1 bits index the
/// sub-table found at (current entry offset + value field). Entries are 16-bit (flag 0x8000, count bits 14..11,
/// value bits 10..0) or 32-bit (flag bit 31, count bits 30..27, value bits 26..0), little-endian as on every TFLM
/// target; the symbol is the entry's low 8 or 16 bits.
/// </summary>
public static class DecodeHuffmanMath
{
    private const uint NarrowSymbolFound = 0x8000;
    private const uint NarrowCountMask = 0x7800;
    private const int NarrowCountShift = 11;
    private const uint NarrowValueMask = 0x07FF;
    private const uint WideSymbolFound = 0x8000_0000;
    private const uint WideCountMask = 0x7800_0000;
    private const int WideCountShift = 27;
    private const uint WideValueMask = 0x07FF_FFFF;

    /// <summary>
    /// Decodes <paramref name="count"/> symbols into <paramref name="output"/> (sbyte or short), or only walks the bit
    /// string when <paramref name="output"/> is empty (Prepare's validation of the constant tensors). Never reads
    /// outside the spans: bits past the end read as zero, which is harmless for bits that are put back and reported
    /// as <see cref="DecodeHuffmanResult.BitstringTooShort"/> for bits a codeword keeps. <paramref name="failedSymbol"/>
    /// is the symbol being decoded when a failure was found.
    /// </summary>
    public static DecodeHuffmanResult Decode<T>(ReadOnlySpan<byte> bitstring, ReadOnlySpan<byte> tables, bool wideTable,
        int initialTableBits, int count, Span<T> output, out int failedSymbol) where T : unmanaged
    {
        uint symbolFound = wideTable ? WideSymbolFound : NarrowSymbolFound;
        uint countMask = wideTable ? WideCountMask : NarrowCountMask;
        int countShift = wideTable ? WideCountShift : NarrowCountShift;
        uint valueMask = wideTable ? WideValueMask : NarrowValueMask;
        long entryCount = tables.Length / (wideTable ? 4 : 2);
        long totalBits = (long)bitstring.Length * 8;
        bool write = !output.IsEmpty;

        long position = 0;
        for (int symbol = 0; symbol < count; symbol++)
        {
            failedSymbol = symbol;
            int usedBits = initialTableBits;
            long offset = PeekBits(bitstring, position, usedBits);
            position += usedBits;
            if (offset >= entryCount) return DecodeHuffmanResult.TableIndexBeyondTables;
            uint entry = ReadEntry(tables, offset, wideTable);

            while ((entry & symbolFound) == 0)
            {
                // Every bit read so far belongs to this codeword; each step reads at least one more, so a table that
                // loops on itself ends here instead of running on past the bit string.
                if (position > totalBits) return DecodeHuffmanResult.BitstringTooShort;
                usedBits = (int)((entry & countMask) >> countShift) + 1;
                uint index = PeekBits(bitstring, position, usedBits);
                position += usedBits;
                offset += (entry & valueMask) + index;
                if (offset >= entryCount) return DecodeHuffmanResult.TableIndexBeyondTables;
                entry = ReadEntry(tables, offset, wideTable);
            }

            int codewordBits = (int)((entry & countMask) >> countShift);
            if (usedBits > codewordBits) position -= usedBits - codewordBits;
            if (position > totalBits) return DecodeHuffmanResult.BitstringTooShort;

            if (write)
            {
                if (Unsafe.SizeOf<T>() == 1) Unsafe.As<T, sbyte>(ref output[symbol]) = (sbyte)entry;
                else Unsafe.As<T, short>(ref output[symbol]) = (short)entry;
            }
        }
        failedSymbol = -1;
        return DecodeHuffmanResult.Ok;
    }

    /// <summary><paramref name="bitCount"/> (1..16) bits starting at <paramref name="position"/>; bits past the end are 0.</summary>
    private static uint PeekBits(ReadOnlySpan<byte> bitstring, long position, int bitCount)
    {
        long firstByte = position >> 3;
        uint window = 0;
        for (int i = 0; i < 3; i++)
        {
            long b = firstByte + i;
            window = (window << 8) | (b < bitstring.Length ? bitstring[(int)b] : 0u);
        }
        int shift = 24 - (int)(position & 7) - bitCount;
        return (window >> shift) & ((1u << bitCount) - 1);
    }

    private static uint ReadEntry(ReadOnlySpan<byte> tables, long offset, bool wideTable) =>
        wideTable
            ? BinaryPrimitives.ReadUInt32LittleEndian(tables.Slice((int)offset * 4, 4))
            : BinaryPrimitives.ReadUInt16LittleEndian(tables.Slice((int)offset * 2, 2));
}
