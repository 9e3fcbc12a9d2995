namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalFilterBankLog.</summary>
public struct SignalFilterBankLogOpData
{
    public int InputCorrectionBits;
    public int OutputScale;
}
