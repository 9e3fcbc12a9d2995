using System.Runtime.CompilerServices;

namespace TfLiteMicro.Schema;

/// <summary>
/// Raw, zero-copy access to one FlatBuffers table of a verified model, by field id (the field's declaration
/// position in schema.fbs). An absent table (<see cref="IsPresent"/> false) answers every query with "absent".
/// <para>
/// Scalar reads are additionally bounded by the table's inline size, so reading a field with the wrong width
/// cannot leave the table. Offset fields (vectors, strings, sub-tables) are trusted to have the type the caller
/// asks for: the verifier checked them as the schema declares them, so ask with the schema's type.
/// </para>
/// </summary>
public readonly unsafe struct Table
{
    private readonly byte* pointer;

    internal Table(byte* pointer)
    {
        this.pointer = pointer;
    }

    public bool IsPresent => pointer != null;

    /// <summary>Address of the table (its soffset word), or null.</summary>
    public byte* Pointer => pointer;

    public bool HasField(int id) => FieldOffset(id) != 0;

    /// <summary>The field's value, or <paramref name="defaultValue"/> when the table or field is absent.</summary>
    public T GetScalar<T>(int id, T defaultValue) where T : unmanaged
    {
        int offset = FieldOffset(id);
        if (offset == 0) return defaultValue;
        // Stay inside the table's inline part even if T is wider than the field.
        byte* vtable = pointer - *(int*)pointer;
        if (offset + sizeof(T) > *(ushort*)(vtable + 2)) return defaultValue;
        // 8-byte fields may be only 4-byte aligned (see FlatBufferVerifier.ScalarField).
        return sizeof(T) > 4 ? Unsafe.ReadUnaligned<T>(pointer + offset) : *(T*)(pointer + offset);
    }

    public IntVector GetIntVector(int id) => new IntVector(Dereference(id));

    public UIntVector GetUIntVector(int id) => new UIntVector(Dereference(id));

    public FloatVector GetFloatVector(int id) => new FloatVector(Dereference(id));

    public LongVector GetLongVector(int id) => new LongVector(Dereference(id));

    /// <summary>A [ubyte], [byte] or [bool] vector.</summary>
    public ByteVector GetByteVector(int id) => new ByteVector(Dereference(id));

    public Utf8Span GetString(int id)
    {
        byte* lengthWord = Dereference(id);
        return lengthWord == null ? default : new Utf8Span(lengthWord + 4, *(int*)lengthWord);
    }

    public Table GetTable(int id) => new Table(Dereference(id));

    public TableVector GetTableVector(int id) => new TableVector(Dereference(id));

    /// <summary>Address of the field's inline bytes (the scalar, or the uoffset of a vector/string/table), or null.</summary>
    public byte* GetFieldPointer(int id)
    {
        int offset = FieldOffset(id);
        return offset == 0 ? null : pointer + offset;
    }

    /// <summary>Offset of the field from the table start, or 0 when absent.</summary>
    private int FieldOffset(int id)
    {
        if (pointer == null || id < 0) return 0;
        byte* vtable = pointer - *(int*)pointer;
        int slot = 4 + 2 * id;
        if (slot + 2 > *(ushort*)vtable) return 0;
        return *(ushort*)(vtable + slot);
    }

    /// <summary>Target of the offset field <paramref name="id"/>, or null when absent.</summary>
    private byte* Dereference(int id)
    {
        int offset = FieldOffset(id);
        if (offset == 0) return null;
        byte* field = pointer + offset;
        return field + *(uint*)field;
    }
}
