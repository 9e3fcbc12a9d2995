namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// What DECODE keeps per output (TFLM's DecodeState objects): one entry per (encoded, ancillary) input pair, in an
/// arena array pointed to by <see cref="Node.UserData"/>. Tensor data is taken from the eval tensors at Invoke, so
/// only parameters that Prepare validated against the tensors' sizes live here.
/// </summary>
public unsafe struct DecodeOpData
{
    public DecodeType Type;

    /// <summary>Bytes per output element (1, 2, 4 or 8); bool and float are copied as raw values.</summary>
    public int ElementSize;

    public int ElementCount;

    /// <summary>Number of value tables (LUT) or zero points (Prune): the output's quantization scale count, else 1.</summary>
    public int ChannelCount;

    /// <summary>
    /// True when the output is quantized along its last dimension with several channels: elements then cycle through
    /// the channels (TFLM's use_alternate_axis_); otherwise each channel is a contiguous block.
    /// </summary>
    public bool UseAlternateAxis;

    /// <summary>LUT: bits per index (1..7).</summary>
    public int BitWidth;

    /// <summary>LUT: entries between the value tables of consecutive channels.</summary>
    public int ValueTableStride;

    /// <summary>Prune: the value of a cleared mask bit when the zero points do not differ per channel.</summary>
    public sbyte SingleZeroPoint;

    /// <summary>Prune: per-channel int8 zero points (arena copy), or null when <see cref="SingleZeroPoint"/> applies.</summary>
    public sbyte* ZeroPoints;

    /// <summary>Huffman: 32-bit table entries (else 16-bit).</summary>
    public bool WideTable;

    /// <summary>Huffman: bits that index the first-level table (1..16).</summary>
    public int InitialTableBits;
}
