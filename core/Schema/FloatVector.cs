using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [float] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// </summary>
public readonly unsafe struct FloatVector
{
    private readonly byte* lengthWord;

    internal FloatVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public float this[int index] => (uint)index < (uint)Count ? Items[index] : default;

    /// <summary>First element, or null when the vector is absent.</summary>
    public float* Items => lengthWord == null ? null : (float*)(lengthWord + 4);

    public ReadOnlySpan<float> AsSpan() => new ReadOnlySpan<float>(Items, Count);
}
