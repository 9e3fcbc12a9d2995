namespace TfLiteMicro.Kernels.Reference;

/// <summary>What DIV's Prepare computes for Invoke; kept in the arena, one per node.</summary>
public struct DivOpData
{
    /// <summary>How the two inputs map onto the output.</summary>
    public BroadcastShape Shape;

    /// <summary>int8: negated input zero points and the output zero point.</summary>
    public int Input1Offset;
    public int Input2Offset;
    public int OutputOffset;

    /// <summary>int8: s1 / (s2 · sOut) as multiplier × 2^shift.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>Clamp range after the fused activation (int8 and int32).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;
}
