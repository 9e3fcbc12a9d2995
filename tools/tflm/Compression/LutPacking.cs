using System;

namespace TfLiteMicro.Tools.Compression;

/// <summary>
/// TFLM's LUT index packing: unsigned indices of a fixed bit width, most significant bit first, back to back from
/// the first byte, the last byte padded with zeros (the runtime's <see cref="TfLiteMicro.Compression.LutDecompression"/>
/// reads them).
/// </summary>
public static class LutPacking
{
    /// <summary>Widest index TFLM decodes.</summary>
    public const int MaxBitWidth = 7;

    /// <summary>Bits needed for indices 0..<paramref name="tableLength"/>-1 (at least 1).</summary>
    public static int BitWidthFor(int tableLength)
    {
        int bits = 1;
        while ((1 << bits) < tableLength) bits++;
        return bits;
    }

    public static byte[] Pack(ReadOnlySpan<int> indices, int bitWidth)
    {
        if (bitWidth < 1 || bitWidth > MaxBitWidth) throw new ArgumentOutOfRangeException(nameof(bitWidth));
        byte[] packed = new byte[(indices.Length * (long)bitWidth + 7) / 8];
        long bit = 0;
        foreach (int index in indices)
        {
            if ((uint)index >= (1u << bitWidth)) throw new ArgumentOutOfRangeException(nameof(indices), "index " + index + " does not fit in " + bitWidth + " bits");
            for (int b = bitWidth - 1; b >= 0; b--, bit++)
            {
                if (((index >> b) & 1) != 0) packed[bit >> 3] |= (byte)(0x80 >> (int)(bit & 7));
            }
        }
        return packed;
    }
}
