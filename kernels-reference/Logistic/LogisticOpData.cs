namespace TfLiteMicro.Kernels.Reference;

/// <summary>What LOGISTIC's Prepare computes for Invoke (TFLM's <c>OpDataLogistic</c>); kept in the arena.</summary>
public unsafe struct LogisticOpData
{
    /// <summary>Legacy uint8 (TFLite's kernel): the output for each of the 256 inputs.</summary>
    public byte* UInt8Table;

    public int InputZeroPoint;

    /// <summary>int8: |input − zero point| at or beyond this saturates the output.</summary>
    public int InputRangeRadius;

    /// <summary>int8: rescales the input to Q4.27; int16: rescales it to the sigmoid table's 1/(3·4096) steps (0 = power-of-two scale).</summary>
    public int InputMultiplier;
    public int InputLeftShift;
}
