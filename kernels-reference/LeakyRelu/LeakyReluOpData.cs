namespace TfLiteMicro.Kernels.Reference;

/// <summary>What LEAKY_RELU's Prepare computes for Invoke (TFLM's <c>LeakyReluOpData</c>); kept in the arena.</summary>
public struct LeakyReluOpData
{
    /// <summary>The alpha option (float path).</summary>
    public float Alpha;

    public int InputZeroPoint;
    public int OutputZeroPoint;

    /// <summary>Requantization for negative inputs: input scale · alpha / output scale.</summary>
    public int OutputMultiplierAlpha;
    public int OutputShiftAlpha;

    /// <summary>Requantization for non-negative inputs: input scale / output scale.</summary>
    public int OutputMultiplierIdentity;
    public int OutputShiftIdentity;
}
