namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Per-node state of SignalIrfft: sizes plus the inverse kiss_fftr plan in the arena. The complex buffers hold
/// <see cref="KissComplex16"/> for INT16 and <see cref="KissComplexFloat"/> for FLOAT32.
/// </summary>
public unsafe struct SignalIrfftOpData
{
    public int FftLength;
    /// <summary>Length of the complex FFT inside the real transform (FftLength / 2).</summary>
    public int ComplexLength;
    public TensorType Type;
    /// <summary>Complex values per input frame (the input's last dimension / 2).</summary>
    public int InputLength;
    /// <summary>Complex values in the whole input.</summary>
    public int InputSize;
    /// <summary>Real samples per output frame (the output's last dimension).</summary>
    public int OutputLength;
    public int Stages;
    public int* Factors;
    public void* Twiddles;
    public void* SuperTwiddles;
    /// <summary>kiss_fftr's tmpbuf (ComplexLength values).</summary>
    public void* Work;
    /// <summary>Scratch of the generic butterfly (radices above 5).</summary>
    public void* RadixScratch;
    public int LargestRadix;
}
