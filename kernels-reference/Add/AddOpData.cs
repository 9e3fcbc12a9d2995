namespace TfLiteMicro.Kernels.Reference;

/// <summary>What ADD's Prepare computes for Invoke (TFLM's OpDataAdd); kept in the arena, one per node.</summary>
public struct AddOpData
{
    /// <summary>How the two inputs map onto the output.</summary>
    public BroadcastShape Shape;

    /// <summary>int8/int16: inputs are shifted left by this many bits (20 for int8, 15 for int16) before rescaling.</summary>
    public int LeftShift;

    /// <summary>Negated input zero points.</summary>
    public int Input1Offset;
    public int Input2Offset;

    /// <summary>Output zero point.</summary>
    public int OutputOffset;

    /// <summary>Rescaling of each input to the common scale (2 × the larger input scale), as multiplier × 2^shift (shift ≤ 0).</summary>
    public int Input1Multiplier;
    public int Input1Shift;
    public int Input2Multiplier;
    public int Input2Shift;

    /// <summary>Rescaling of the sum to the output scale.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>Clamp range after the fused activation (int8/int16; int32 ADD does not clamp, like TFLM).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;
}
