using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [long (int64)] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// </summary>
public readonly unsafe struct LongVector
{
    private readonly byte* lengthWord;

    internal LongVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public long this[int index] => (uint)index < (uint)Count ? Items[index] : default;

    /// <summary>First element, or null when the vector is absent.</summary>
    public long* Items => lengthWord == null ? null : (long*)(lengthWord + 4);

    public ReadOnlySpan<long> AsSpan() => new ReadOnlySpan<long>(Items, Count);
}
