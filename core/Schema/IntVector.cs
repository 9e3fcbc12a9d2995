using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// A FlatBuffers [int] vector in place. Absent vector: Count 0 and null pointers. The indexer returns 0 for an
/// index out of range (it never reads outside the vector).
/// </summary>
public readonly unsafe struct IntVector
{
    private readonly byte* lengthWord;

    internal IntVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public bool IsPresent => lengthWord != null;

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public int this[int index] => (uint)index < (uint)Count ? Items[index] : 0;

    /// <summary>First element, or null when the vector is absent.</summary>
    public int* Items => lengthWord == null ? null : (int*)(lengthWord + 4);

    /// <summary>
    /// The count word followed by the items: the layout of TFLM's <c>TfLiteIntArray</c>, so it can be used as
    /// one without copying (as TFLM's <c>FlatBufferVectorToTfLiteTypeArray</c> does). Null when absent.
    /// </summary>
    public int* LengthPrefixed => (int*)lengthWord;

    public ReadOnlySpan<int> AsSpan() => new ReadOnlySpan<int>(Items, Count);
}
