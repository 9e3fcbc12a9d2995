namespace TfLiteMicro.Kernels.Reference;

/// <summary>What PRELU's Prepare computes for Invoke (TFLM's <c>PreluParams</c> plus the broadcast walk); kept in the arena.</summary>
public struct PreluOpData
{
    /// <summary>How input (1) and alpha (2) are walked to fill the output.</summary>
    public BroadcastShape Shape;

    /// <summary>Minus the input and alpha zero points, plus the output zero point (TFLM's offsets).</summary>
    public int InputOffset;
    public int AlphaOffset;
    public int OutputOffset;

    /// <summary>Requantization of x ≥ 0: input scale / output scale.</summary>
    public int OutputMultiplier1;
    public int OutputShift1;

    /// <summary>Requantization of x · alpha for x &lt; 0: input scale · alpha scale / output scale.</summary>
    public int OutputMultiplier2;
    public int OutputShift2;
}
