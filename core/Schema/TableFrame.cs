namespace TfLiteMicro.Schema;

/// <summary>
/// A table the verifier has checked the header of: where it starts, where its vtable is and how many bytes each
/// holds. Field checks are made against these numbers.
/// </summary>
internal readonly struct TableFrame
{
    public TableFrame(uint position, uint vtablePosition, ushort vtableSize, ushort inlineSize)
    {
        Position = position;
        VtablePosition = vtablePosition;
        VtableSize = vtableSize;
        InlineSize = inlineSize;
    }

    /// <summary>Offset of the table (its soffset word) from the start of the buffer.</summary>
    public uint Position { get; }

    public uint VtablePosition { get; }

    /// <summary>Bytes of the vtable, including its two header words.</summary>
    public ushort VtableSize { get; }

    /// <summary>Bytes of the table's inline part (soffset word plus scalar fields and offsets).</summary>
    public ushort InlineSize { get; }
}
