namespace TfLiteMicro.Kernels.Reference;

/// <summary>What TANH's Prepare computes for Invoke (TFLM tanh.cc's <c>OpData</c>); kept in the arena.</summary>
public struct TanhOpData
{
    public int InputZeroPoint;

    /// <summary>int8: |input − zero point| at or beyond this saturates the output.</summary>
    public int InputRangeRadius;

    /// <summary>int8: rescales the input to Q4.27; int16: rescales it to the table's 1/(3·4096) steps (0 = power-of-two scale).</summary>
    public int InputMultiplier;
    public int InputLeftShift;
}
