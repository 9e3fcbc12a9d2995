namespace TfLiteMicro.Schema;

/// <summary>
/// How a constant tensor is stored sparse (schema table <c>SparsityParameters</c>, TFLite's format; TFLM has none):
/// the dense tensor is traversed in <see cref="TraversalOrder"/> over its dimensions plus, for block sparsity, one
/// extra dimension per entry of <see cref="BlockMap"/>; each traversed dimension is either dense or compressed (CSR).
/// Read in place; only structure is verified at load. DENSIFY's Prepare checks every index before use.
/// </summary>
public readonly unsafe struct SparsityParameters
{
    private readonly Table table;

    internal SparsityParameters(Table table)
    {
        this.table = table;
    }

    public bool IsPresent => table.IsPresent;

    /// <summary>The dimensions in traversal order: the tensor's own dimensions first, then the block dimensions.</summary>
    public IntVector TraversalOrder => table.GetIntVector(SchemaFieldIds.SparsityParameters.TraversalOrder);

    /// <summary>For each block dimension, the tensor dimension it subdivides.</summary>
    public IntVector BlockMap => table.GetIntVector(SchemaFieldIds.SparsityParameters.BlockMap);

    /// <summary>Number of <see cref="GetDimension"/> entries (one per traversed dimension, in traversal order).</summary>
    public int DimensionCount => table.GetTableVector(SchemaFieldIds.SparsityParameters.DimMetadata).Count;

    public DimensionMetadata GetDimension(int index) =>
        new DimensionMetadata(table.GetTableVector(SchemaFieldIds.SparsityParameters.DimMetadata)[index]);

    public Table Table => table;
}

/// <summary>One traversed dimension of a sparse tensor (schema table <c>DimensionMetadata</c>).</summary>
public readonly unsafe struct DimensionMetadata
{
    private readonly Table table;

    internal DimensionMetadata(Table table)
    {
        this.table = table;
    }

    public bool IsPresent => table.IsPresent;

    public DimensionType Format => (DimensionType)table.GetScalar<sbyte>(SchemaFieldIds.DimensionMetadata.Format, 0);

    /// <summary>The dimension's size when it is <see cref="DimensionType.DENSE"/>.</summary>
    public int DenseSize => table.GetScalar<int>(SchemaFieldIds.DimensionMetadata.DenseSize, 0);

    /// <summary>CSR row pointers: segment j of the indices belongs to position j of the enclosing dimensions.</summary>
    public SparseIndices ArraySegments => Indices(SchemaFieldIds.DimensionMetadata.ArraySegmentsType, SchemaFieldIds.DimensionMetadata.ArraySegments);

    /// <summary>CSR column indices: the coordinate, within this dimension, of each stored entry.</summary>
    public SparseIndices ArrayIndices => Indices(SchemaFieldIds.DimensionMetadata.ArrayIndicesType, SchemaFieldIds.DimensionMetadata.ArrayIndices);

    private SparseIndices Indices(int typeId, int valueId)
    {
        var type = (SparseIndexVector)table.GetScalar<byte>(typeId, 0);
        if (type == SparseIndexVector.NONE) return default;
        // Int32Vector, Uint16Vector and Uint8Vector each hold one vector, field 0 "values" (verified as its type).
        Table holder = table.GetTable(valueId);
        return new SparseIndices(type, holder.GetByteVector(0));
    }
}

/// <summary>
/// A <c>SparseIndexVector</c> union value: int32, uint16 or uint8 indices, read as int. Absent: Count 0. The indexer
/// returns 0 outside the vector (it never reads outside it).
/// </summary>
public readonly unsafe struct SparseIndices
{
    private readonly ByteVector vector; // element count and first element; the element width follows from Type

    internal SparseIndices(SparseIndexVector type, ByteVector vector)
    {
        Type = vector.IsPresent ? type : SparseIndexVector.NONE;
        this.vector = vector;
    }

    public SparseIndexVector Type { get; }

    public bool IsPresent => Type != SparseIndexVector.NONE;

    public int Count => IsPresent ? vector.Count : 0;

    /// <summary>First element (int32, uint16 or uint8 as <see cref="Type"/> says), or null.</summary>
    public byte* Items => IsPresent ? vector.Items : null;

    public int this[int index] => (uint)index < (uint)Count ? Read(Type, Items, index) : 0;

    /// <summary>Element <paramref name="index"/> of an index array of <paramref name="type"/> at <paramref name="items"/> (unchecked).</summary>
    public static int Read(SparseIndexVector type, byte* items, int index)
    {
        switch (type)
        {
            case SparseIndexVector.Int32Vector: return ((int*)items)[index];
            case SparseIndexVector.Uint16Vector: return ((ushort*)items)[index];
            default: return items[index];
        }
    }
}
