namespace TfLiteMicro.Kernels.Reference;

/// <summary>Outcome of walking a Huffman bit string through its tables (<see cref="DecodeHuffmanMath.Decode{T}"/>).</summary>
public enum DecodeHuffmanResult
{
    Ok,

    /// <summary>A lookup addressed an entry past the end of the ancillary tensor's tables.</summary>
    TableIndexBeyondTables,

    /// <summary>A symbol needed bits past the end of the encoded tensor.</summary>
    BitstringTooShort,
}
