namespace TfLiteMicro.Kernels.Reference;

/// <summary>What L2_NORMALIZATION's Prepare computes for Invoke (TFLM's <c>L2NormalizationParams</c>); kept in the arena.</summary>
public struct L2NormalizationOpData
{
    /// <summary>int8 input zero point (0 for float).</summary>
    public int InputZeroPoint;

    /// <summary>Number of rows (all dimensions but the last) and row length (the last dimension).</summary>
    public int OuterSize;
    public int Depth;
}
