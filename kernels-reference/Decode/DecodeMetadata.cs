namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Layout of the 16-byte Decode Common Metadata (DCM) that starts every DECODE ancillary tensor (TFLM
/// decode_state.h and decode_state_{lut,huffman,prune}.h). The bytes after the DCM are the decoder's tables.
/// </summary>
public static class DecodeMetadata
{
    /// <summary>Size of the DCM; the value table (LUT, Prune) or Huffman tables start right after it.</summary>
    public const int SizeInBytes = 16;

    /// <summary>Byte 0: the <see cref="DecodeType"/>.</summary>
    public const int TypeOffset = 0;

    /// <summary>Byte 1: the DCM layout version; only 1 exists.</summary>
    public const int VersionOffset = 1;

    /// <summary>The only DCM version and the only version of each decoder's own parameters.</summary>
    public const byte SupportedVersion = 1;

    /// <summary>Byte 4: the version of the decoder-specific parameters (LUT, Huffman and Prune alike).</summary>
    public const int DecoderVersionOffset = 4;

    /// <summary>LUT byte 5: parameters; the low three bits are the index bit width (1..7).</summary>
    public const int LutParametersOffset = 5;

    public const byte LutBitWidthMask = 0x07;

    /// <summary>LUT byte 6: value-table entries per channel (the stride between channel tables).</summary>
    public const int LutValueTableStrideOffset = 6;

    /// <summary>
    /// Huffman byte 5: bit 0 set = 32-bit table entries (else 16-bit); bits 7..4 = log2(N) - 1 where N is the
    /// number of entries of the first-level table.
    /// </summary>
    public const int HuffmanTableSizeOffset = 5;

    public const byte HuffmanWideTableMask = 0x01;
    public const byte HuffmanInitialSizeMask = 0xF0;
    public const int HuffmanInitialSizeShift = 4;
}
