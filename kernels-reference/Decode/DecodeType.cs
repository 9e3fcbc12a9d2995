namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Byte 0 of the Decode Common Metadata (TFLM decode_state.h <c>kDcmType*</c>): how the encoded tensor of a DECODE
/// input pair was compressed.
/// </summary>
public enum DecodeType : byte
{
    /// <summary>Fixed-width indices into a (per-channel) value table.</summary>
    Lut = 0,

    /// <summary>Canonical Huffman codewords resolved through a tree of lookup tables.</summary>
    Huffman = 1,

    /// <summary>A one-bit-per-element mask; set bits take the next kept value, clear bits the zero point.</summary>
    Prune = 2,

    /// <summary>
    /// Application decoders: TFLM's kernel names 127 (and rejects it, "not yet supported"), its Python tooling
    /// reserves 128..255. No decoder can be registered, so DECODE rejects all of them.
    /// </summary>
    Custom = 127,
}
