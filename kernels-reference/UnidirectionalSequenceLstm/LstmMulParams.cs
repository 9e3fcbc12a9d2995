namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// One element-wise product between gate outputs (TFLM's <c>ArithmeticParams</c> from
/// <c>CreateInterGateMulParams</c>): both inputs are symmetric, the product is requantized, offset and clamped
/// to the output type's range.
/// </summary>
public struct LstmMulParams
{
    public int OutputOffset;
    public int Multiplier;
    public int Shift;
    public int ActivationMin;
    public int ActivationMax;
}
