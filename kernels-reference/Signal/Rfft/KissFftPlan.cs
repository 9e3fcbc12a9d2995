using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fftr's state for one real transform of FftLength samples (kiss_fftr_alloc): the factorization and
/// twiddles of the complex FFT of half the length, the real-FFT super twiddles and the work buffers, all in the
/// arena. The complex buffers hold <see cref="KissComplex{T}"/> of the node's element type (short, int or float).
/// Shared by SignalRfft (forward) and SignalIrfft (inverse).
/// </summary>
public unsafe struct KissFftPlan
{
    /// <summary>Length of the complex FFT inside the real transform (fft_length / 2).</summary>
    public int ComplexLength;
    public int Stages;
    public int LargestRadix;
    /// <summary>kiss_fft's <c>st->inverse</c>: negated twiddle phases and the inverse radix-4 rotation.</summary>
    public bool Inverse;
    /// <summary>Pairs (radix, remaining length), 2 * Stages values.</summary>
    public int* Factors;
    /// <summary>ComplexLength twiddles of the complex FFT.</summary>
    public void* Twiddles;
    /// <summary>ComplexLength / 2 twiddles of the real-FFT split step.</summary>
    public void* SuperTwiddles;
    /// <summary>kiss_fftr's tmpbuf: ComplexLength values.</summary>
    public void* Work;
    /// <summary>Scratch of the generic butterfly (radices above 5): LargestRadix values.</summary>
    public void* RadixScratch;

    /// <summary>Bytes of one complex value of <paramref name="type"/> (INT16, INT32 or FLOAT32).</summary>
    public static int ComplexSize(TensorType type) => type == TensorType.Int16 ? 2 * sizeof(short) : 2 * sizeof(int);

    /// <summary>
    /// kiss_fftr_alloc in the arena (Init time): factors, then the twiddle tables in the element type's format
    /// (computed with software double arithmetic, as kiss_fft computes them in C double).
    /// </summary>
    public static Status Build(KernelContext context, TensorType type, int fftLength, bool inverse, out KissFftPlan plan)
    {
        plan = default;
        int ncfft = fftLength / 2;
        plan.ComplexLength = ncfft;
        plan.Inverse = inverse;
        plan.Factors = (int*)context.AllocatePersistentBuffer(2 * KissFftFactors.MaxStages * sizeof(int));
        if (plan.Factors == null) return context.Errors.LastStatus;
        Span<int> factors = new Span<int>(plan.Factors, 2 * KissFftFactors.MaxStages);
        plan.Stages = KissFftFactors.Factor(ncfft, factors);
        if (plan.Stages < 0)
            return context.Errors.Fail(Status.Error, "option 'fft_length' = "u8).Append(fftLength).Append(" has too many factors"u8);
        plan.LargestRadix = KissFftFactors.LargestRadix(factors, plan.Stages);

        int complexSize = ComplexSize(type);
        plan.Twiddles = context.AllocatePersistentBuffer((long)ncfft * complexSize);
        plan.SuperTwiddles = context.AllocatePersistentBuffer((long)(ncfft / 2 > 0 ? ncfft / 2 : 1) * complexSize);
        plan.Work = context.AllocatePersistentBuffer((long)ncfft * complexSize);
        plan.RadixScratch = context.AllocatePersistentBuffer((long)plan.LargestRadix * complexSize);
        if (plan.Twiddles == null || plan.SuperTwiddles == null || plan.Work == null || plan.RadixScratch == null)
            return context.Errors.LastStatus;
        switch (type)
        {
            case TensorType.Int16: KissFft<short, KissFftInt16>.FillTwiddles(plan); break;
            case TensorType.Int32: KissFft<int, KissFftInt32>.FillTwiddles(plan); break;
            default: KissFft<float, KissFftFloat>.FillTwiddles(plan); break;
        }
        return Status.Ok;
    }
}
