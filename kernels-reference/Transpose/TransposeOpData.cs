namespace TfLiteMicro.Kernels.Reference;

/// <summary>TRANSPOSE's permutation, read at Prepare when the perm tensor is constant.</summary>
public unsafe struct TransposeOpData
{
    /// <summary>Most dimensions handled (TFLM's transpose supports up to 6).</summary>
    public const int MaxDimensions = 6;

    /// <summary>Output dimension i is input dimension Permutation[i].</summary>
    public fixed int Permutation[MaxDimensions];

    public int Rank;

    /// <summary>False when the permutation is a run-time tensor, read (and checked) on each Invoke.</summary>
    public bool PermutationIsConstant;
}
