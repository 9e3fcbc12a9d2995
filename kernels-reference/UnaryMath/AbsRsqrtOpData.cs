namespace TfLiteMicro.Kernels.Reference;

/// <summary>What ABS's and RSQRT's Prepare compute for Invoke (TFLM's OpDataAbsRsqrt); kept in the arena.</summary>
public struct AbsRsqrtOpData
{
    /// <summary>int8, or int16 with quantization parameters: the integer rescaling path is used.</summary>
    public bool IsQuantized;

    /// <summary>ABS: the input and output scales differ, so the value is multiplied by in/out scale.</summary>
    public bool NeedsRescale;

    /// <summary>Input zero point (TFLM stores it un-negated here and subtracts it).</summary>
    public int InputZeroPoint;

    /// <summary>Output zero point.</summary>
    public int OutputZeroPoint;

    /// <summary>
    /// ABS: input scale / output scale; RSQRT: 1 / (sqrt(input scale) · output scale); as multiplier · 2^shift.
    /// </summary>
    public int Multiplier;
    public int Shift;
}
