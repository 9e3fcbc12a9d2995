using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [ubyte], [byte] or [bool] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// </summary>
public readonly unsafe struct ByteVector
{
    private readonly byte* lengthWord;

    internal ByteVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public byte this[int index] => (uint)index < (uint)Count ? Items[index] : default;

    /// <summary>First element, or null when the vector is absent.</summary>
    public byte* Items => lengthWord == null ? null : (byte*)(lengthWord + 4);

    public ReadOnlySpan<byte> AsSpan() => new ReadOnlySpan<byte>(Items, Count);
}
