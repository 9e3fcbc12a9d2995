namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Per-node state of SignalFilterBankSpectralSubtraction: the options (TFLM's SpectralSubtractionConfig; the
/// coefficients are fractions scaled by 2^SpectralSubtractionBits) and the running noise estimate, which
/// persists between invocations until the interpreter is reset.
/// </summary>
public unsafe struct SignalFilterBankSpectralSubtractionOpData
{
    public int NumChannels;
    public uint Smoothing;
    public uint OneMinusSmoothing;
    public uint AlternateSmoothing;
    public uint AlternateOneMinusSmoothing;
    public uint MinSignalRemaining;
    public int SmoothingBits;
    public int SpectralSubtractionBits;
    public bool Clamping;
    /// <summary>NumChannels values in the arena.</summary>
    public uint* NoiseEstimate;
}
