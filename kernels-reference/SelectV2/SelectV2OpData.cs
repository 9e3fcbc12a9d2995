namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SELECT_V2's walk over its three broadcast operands (condition, x, y), computed at Prepare: the output
/// dimensions and, per operand, the elements to step per output step in each dimension (0 where the operand is
/// broadcast). Kept in the arena.
/// </summary>
public unsafe struct SelectV2OpData
{
    /// <summary>Output dimensions walked (at least 1).</summary>
    public int Rank;

    /// <summary>Output elements.</summary>
    public int ElementCount;

    public fixed int Dims[BroadcastShape.MaxRank];
    public fixed int ConditionStrides[BroadcastShape.MaxRank];
    public fixed int XStrides[BroadcastShape.MaxRank];
    public fixed int YStrides[BroadcastShape.MaxRank];
}
