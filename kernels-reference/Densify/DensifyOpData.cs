using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>DENSIFY's per-node data: the checked traversal, one <see cref="DensifyLevel"/> per traversed dimension.</summary>
public unsafe struct DensifyOpData
{
    /// <summary>Most traversed dimensions: a rank-8 tensor blocked in every dimension would need 16.</summary>
    public const int MaxLevels = 16;

    public int LevelCount;

    /// <summary>Stored values the traversal reads (checked against the buffer's length).</summary>
    public int ValueCount;

    public DensifyLevel* Levels;
}

/// <summary>
/// One traversed dimension of a sparse tensor, resolved for the walk: its extent, how far one step along it moves in
/// the dense output, and for a compressed (CSR) dimension the segment and index arrays (in the model).
/// </summary>
public unsafe struct DensifyLevel
{
    /// <summary>Coordinates along this dimension run 0 .. Size-1.</summary>
    public int Size;

    /// <summary>Dense output elements per coordinate step (a block dimension steps like the dimension it subdivides).</summary>
    public int Stride;

    /// <summary>NONE for a dense dimension; otherwise the element type of <see cref="Segments"/>.</summary>
    public SparseIndexVector SegmentsType;
    public byte* Segments;
    public SparseIndexVector IndicesType;
    public byte* Indices;

    public bool IsDense => SegmentsType == SparseIndexVector.NONE;
}
