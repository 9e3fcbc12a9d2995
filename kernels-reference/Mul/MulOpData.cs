namespace TfLiteMicro.Kernels.Reference;

/// <summary>What MUL's Prepare computes for Invoke (TFLM's OpDataMul); kept in the arena, one per node.</summary>
public struct MulOpData
{
    /// <summary>How the two inputs map onto the output.</summary>
    public BroadcastShape Shape;

    /// <summary>Negated input zero points (int8; 0 for int16).</summary>
    public int Input1Offset;
    public int Input2Offset;

    /// <summary>Output zero point.</summary>
    public int OutputOffset;

    /// <summary>s1 · s2 / sOut as multiplier × 2^shift.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>Clamp range after the fused activation (int8, int16 and int32).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;
}
