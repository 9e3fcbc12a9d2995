namespace TfLiteMicro.Kernels.Reference;

/// <summary>What BATCH_MATMUL's Prepare computes for Invoke; kept in the arena (one per node).</summary>
public unsafe struct BatchMatMulOpData
{
    public BatchMatMulGeometry Geometry;

    /// <summary>adj_x: the LHS is stored as [.., K, M] and is transposed before the multiply.</summary>
    public bool AdjointLhs;

    /// <summary>adj_y: the RHS is stored as [.., N, K], the layout the math wants; otherwise it is transposed.</summary>
    public bool AdjointRhs;

    /// <summary>Matrix shape of the LHS as stored (rows, columns of its last two dimensions) and its matrix count.</summary>
    public int LhsStoredRows;
    public int LhsStoredColumns;
    public int LhsMatrices;

    /// <summary>Same for the RHS.</summary>
    public int RhsStoredRows;
    public int RhsStoredColumns;
    public int RhsMatrices;

    /// <summary>
    /// Scratch buffer receiving the transposed LHS / RHS at each Invoke; -1 when that operand needs no transpose
    /// or was transposed once at Prepare (constant operand, see <see cref="ConstantLhsTransposed"/>).
    /// </summary>
    public int LhsScratchIndex;
    public int RhsScratchIndex;

    /// <summary>
    /// Constant operand transposed once at Prepare into persistent memory (TFLM transposes a constant RHS once and
    /// keeps it); null otherwise.
    /// </summary>
    public void* ConstantLhsTransposed;
    public void* ConstantRhsTransposed;

    /// <summary>Requantization of the int8/int16 accumulator (BATCH_MATMUL has no fused activation).</summary>
    public int OutputMultiplier;
    public int OutputShift;
    public int LhsZeroPoint;
    public int RhsZeroPoint;
    public int OutputZeroPoint;
    public int OutputActivationMin;
    public int OutputActivationMax;
}
