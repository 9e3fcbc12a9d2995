namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalWindow, kept in the arena.</summary>
public struct SignalWindowOpData
{
    /// <summary>Right shift applied to each input × weight product.</summary>
    public int Shift;
    public int InputSize;
    public int WeightSize;
}
