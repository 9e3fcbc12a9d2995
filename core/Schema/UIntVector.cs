using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [uint] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// </summary>
public readonly unsafe struct UIntVector
{
    private readonly byte* lengthWord;

    internal UIntVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public uint this[int index] => (uint)index < (uint)Count ? Items[index] : default;

    /// <summary>First element, or null when the vector is absent.</summary>
    public uint* Items => lengthWord == null ? null : (uint*)(lengthWord + 4);

    public ReadOnlySpan<uint> AsSpan() => new ReadOnlySpan<uint>(Items, Count);
}
