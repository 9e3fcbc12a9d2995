namespace TfLiteMicro.Schema;

/// <summary>A FlatBuffers vector of tables. Absent vector: Count 0. Out-of-range index: an absent table.</summary>
public readonly unsafe struct TableVector
{
    private readonly byte* lengthWord;

    internal TableVector(byte* lengthWord)
    {
        this.lengthWord = lengthWord;
    }

    public int Count => lengthWord == null ? 0 : *(int*)lengthWord;

    public Table this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) return default;
            byte* slot = lengthWord + 4 + 4 * index;
            return new Table(slot + *(uint*)slot);
        }
    }
}
