namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalEnergy: the half-open range of bins to compute.</summary>
public struct SignalEnergyOpData
{
    public int StartIndex;
    public int EndIndex;
}
