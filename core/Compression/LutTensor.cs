namespace TfLiteMicro.Compression;

/// <summary>
/// How one LUT-compressed constant tensor decodes (TFLM's LookupTableData): the tensor's buffer holds packed
/// indices, <see cref="BitWidth"/> bits each, and element e takes the value at its index in its channel's table.
/// Kept in the arena's tail, one per compressed tensor (reached through the subgraph's per-tensor pointer table).
/// </summary>
internal unsafe struct LutTensor
{
    /// <summary>The value tables, one per channel, back to back (in the model).</summary>
    public byte* ValueTable;

    /// <summary>Values in each channel's table (TFLM's value_table_channel_stride).</summary>
    public int ValuesPerChannel;

    /// <summary>1 for per-tensor (or unquantized) tensors, else the number of quantization channels.</summary>
    public int ChannelCount;

    public int ElementCount;

    public int ElementSize;

    public int BitWidth;

    /// <summary>
    /// The channel is the last axis (element e belongs to channel e % ChannelCount, TFLM's "alternate axis");
    /// otherwise the first axis (channel e / (ElementCount / ChannelCount)).
    /// </summary>
    public bool ChannelIsLastAxis;

    /// <summary>The node whose Prepare said it decompresses this tensor most recently (-1: none yet).</summary>
    public int ClaimedBySubgraph;

    public int ClaimedByNode;
}
