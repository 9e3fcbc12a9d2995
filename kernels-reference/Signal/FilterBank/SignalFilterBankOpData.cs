namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalFilterBank.</summary>
public struct SignalFilterBankOpData
{
    public int NumChannels;
}
