namespace TfLiteMicro.Kernels.Reference;

/// <summary>QUANTIZE's per-node parameters.</summary>
public struct QuantizeOpData
{
    /// <summary>float → integer: the output's scale and zero point.</summary>
    public float Scale;
    public int ZeroPoint;

    /// <summary>integer → integer (requantize): input/output zero points and the rescaling multiplier.</summary>
    public int InputZeroPoint;
    public int RequantizeMultiplier;
    public int RequantizeShift;
}
