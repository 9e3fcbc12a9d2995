namespace TfLiteMicro.Kernels.Reference;

/// <summary>What a comparison's Prepare computes for Invoke (TFLM's ComparisonParams); kept in the arena.</summary>
public struct ComparisonOpData
{
    /// <summary>How the two inputs map onto the output.</summary>
    public BroadcastShape Shape;

    /// <summary>int8/int16: bits the offset inputs are shifted left before rescaling (TFLM: 8).</summary>
    public int LeftShift;

    /// <summary>Negated input zero points.</summary>
    public int Input1Offset;
    public int Input2Offset;

    /// <summary>Each input scale as a multiplier below one (multiplier · 2^shift, shift ≤ 0).</summary>
    public int Input1Multiplier;
    public int Input1Shift;
    public int Input2Multiplier;
    public int Input2Shift;
}
