namespace TfLiteMicro.Kernels.Reference;

/// <summary>What ADD_N's Prepare computes for Invoke (TFLM's OpData); kept in the arena.</summary>
public struct AddNOpData
{
    /// <summary>Scratch buffer holding one data pointer per input, filled at Invoke.</summary>
    public int ScratchIndex;

    /// <summary>int8: bits the offset inputs are shifted left before rescaling (TFLM: 20).</summary>
    public int LeftShift;

    /// <summary>int8: negated input zero point (all inputs share it).</summary>
    public int InputOffset;

    /// <summary>int8: output zero point.</summary>
    public int OutputOffset;

    /// <summary>int8: the input scale relative to twice itself (one half) as a multiplier below one.</summary>
    public int InputMultiplier;
    public int InputShift;

    /// <summary>int8: 2 · input scale / (2^leftShift · output scale), below one.</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>int8: clamp range (no fused activation: the whole type).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;
}
