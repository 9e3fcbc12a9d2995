namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalPCAN.</summary>
public struct SignalPcanOpData
{
    public int SnrShift;
}
