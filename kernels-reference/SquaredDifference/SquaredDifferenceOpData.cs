namespace TfLiteMicro.Kernels.Reference;

/// <summary>What SQUARED_DIFFERENCE's Prepare computes for Invoke (TFLM's OpData + ArithmeticParams).</summary>
public struct SquaredDifferenceOpData
{
    /// <summary>How the two inputs map onto the output.</summary>
    public BroadcastShape Shape;

    /// <summary>Bits the offset inputs are shifted left before rescaling: 7 for int8, 0 for int16.</summary>
    public int LeftShift;

    /// <summary>Negated input zero points.</summary>
    public int Input1Offset;
    public int Input2Offset;

    /// <summary>Output zero point.</summary>
    public int OutputOffset;

    /// <summary>Each input's scale relative to 2 × the larger input scale (below one, shift ≤ 0).</summary>
    public int Input1Multiplier;
    public int Input1Shift;
    public int Input2Multiplier;
    public int Input2Shift;

    /// <summary>(2 · max scale)² / (2^(2 · leftShift) · output scale), any magnitude.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>Clamp range: the whole output type.</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;
}
