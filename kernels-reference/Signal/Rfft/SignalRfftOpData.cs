namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalRfft: frame sizes plus the forward kiss_fftr plan in the arena.</summary>
public struct SignalRfftOpData
{
    public int FftLength;
    public TensorType Type;
    public int InputLength;
    public int InputSize;
    /// <summary>Complex values per output frame (the output's last dimension / 2).</summary>
    public int OutputLength;
    public int ScratchIndex;
    public KissFftPlan Plan;
}
