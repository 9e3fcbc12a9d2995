namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Shape of one BATCH_MATMUL after Prepare: up to three broadcast batch dimensions (ranks 2 to 5, extended on the
/// left with ones) and the matrix sizes. Operands are addressed in the layout the math works on: LHS rows of
/// <see cref="AccumulationDepth"/> values ([.., M, K]) and RHS stored transposed ([.., N, K]).
/// </summary>
public unsafe struct BatchMatMulGeometry
{
    /// <summary>Number of batch dimensions the loops walk (rank 5 minus the two matrix dimensions).</summary>
    public const int BatchDimensions = 3;

    /// <summary>Output batch sizes (broadcast of LHS and RHS), outermost first; 1 for missing dimensions.</summary>
    public fixed int OutputBatch[BatchDimensions];

    /// <summary>
    /// Elements to advance in the LHS for one step of each batch dimension; 0 where the LHS has size 1 there
    /// (it is broadcast).
    /// </summary>
    public fixed int LhsBatchStride[BatchDimensions];

    /// <summary>Same as <see cref="LhsBatchStride"/> for the RHS.</summary>
    public fixed int RhsBatchStride[BatchDimensions];

    /// <summary>M: rows of the LHS (after adj_x) and of the output.</summary>
    public int LhsRows;

    /// <summary>N: columns of the RHS (after adj_y) and of the output.</summary>
    public int RhsColumns;

    /// <summary>K: the shared inner dimension.</summary>
    public int AccumulationDepth;
}
