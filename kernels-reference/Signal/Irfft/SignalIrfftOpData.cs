namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalIrfft: frame sizes plus the inverse kiss_fftr plan in the arena.</summary>
public struct SignalIrfftOpData
{
    public int FftLength;
    public TensorType Type;
    /// <summary>Complex values per input frame (the input's last dimension / 2).</summary>
    public int InputLength;
    /// <summary>Complex values in the whole input.</summary>
    public int InputSize;
    /// <summary>Real samples per output frame (the output's last dimension).</summary>
    public int OutputLength;
    public KissFftPlan Plan;
}
