namespace TfLiteMicro.Kernels.Reference;

/// <summary>What SVDF's Prepare computes for Invoke (TFLM's <c>OpDataSvdf</c>); kept in the arena, one per node.</summary>
public struct SvdfOpData
{
    /// <summary>Requantizes the feature matmul (input × feature weights) into the state's scale.</summary>
    public int FeatureMultiplier;
    public int FeatureShift;

    /// <summary>Requantizes the time matmul (state × time weights, plus bias) into the output's scale.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    public int InputZeroPoint;
    public int OutputZeroPoint;
    public int StateZeroPoint;

    /// <summary>Scratch of batch × filters accumulators (int32, or float for the float kernel).</summary>
    public int ScratchIndex;

    /// <summary>Scratch of batch × units int32 sums (integer kernel only).</summary>
    public int ScratchOutputIndex;

    public int Rank;
    public int Batches;
    public int InputSize;
    public int Filters;
    public int Units;
    public int MemorySize;

    /// <summary>Fused activation of the float kernel (TFLM's integer kernel ignores it).</summary>
    public int Activation;
}
