namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Per-node state of SignalRfft: sizes plus the kiss_fftr plan in the arena. The complex buffers hold
/// <see cref="KissComplex16"/> for INT16 and <see cref="KissComplexFloat"/> for FLOAT32.
/// </summary>
public unsafe struct SignalRfftOpData
{
    public int FftLength;
    /// <summary>Length of the complex FFT inside the real FFT (FftLength / 2).</summary>
    public int ComplexLength;
    public TensorType Type;
    public int InputLength;
    public int InputSize;
    /// <summary>Complex values per output frame (the output's last dimension / 2).</summary>
    public int OutputLength;
    public int ScratchIndex;
    public int Stages;
    public int* Factors;
    /// <summary>ComplexLength twiddles of the complex FFT.</summary>
    public void* Twiddles;
    /// <summary>ComplexLength / 2 twiddles of the real-FFT post-processing.</summary>
    public void* SuperTwiddles;
    /// <summary>kiss_fftr's tmpbuf: the complex FFT's output (ComplexLength values).</summary>
    public void* Work;
    /// <summary>Scratch of the generic butterfly (radices above 5), LargestRadix values.</summary>
    public void* RadixScratch;
    public int LargestRadix;
}
