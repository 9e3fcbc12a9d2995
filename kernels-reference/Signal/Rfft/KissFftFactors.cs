using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>kiss_fft's stage plan, shared by its fixed-point and float builds.</summary>
public static class KissFftFactors
{
    /// <summary>kiss_fft's MAXFACTORS: at most this many (radix, remaining length) pairs.</summary>
    public const int MaxStages = 32;

    /// <summary>
    /// kiss_fft's <c>kf_factor</c>: radix 4 first, then 2, 3, 5, 7, ...; once the candidate exceeds the square root
    /// of the ORIGINAL length the rest is taken as one radix. Writes pairs (radix, remaining length) and returns
    /// the number of stages, or -1 when <paramref name="factors"/> is too small.
    /// </summary>
    public static int Factor(int n, Span<int> factors)
    {
        int original = n;
        int p = 4;
        int stages = 0;
        do
        {
            while (n % p != 0)
            {
                switch (p)
                {
                    case 4: p = 2; break;
                    case 2: p = 3; break;
                    default: p += 2; break;
                }
                // kiss_fft compares with floor(sqrt(original n)) computed in double; p > floor(sqrt(N)) <=> p*p > N.
                if ((long)p * p > original) p = n;
            }
            n /= p;
            if (2 * stages + 1 >= factors.Length) return -1;
            factors[2 * stages] = p;
            factors[2 * stages + 1] = n;
            stages++;
        }
        while (n > 1);
        return stages;
    }

    /// <summary>Largest radix of a factorization (sizes the scratch of the generic butterfly).</summary>
    public static int LargestRadix(ReadOnlySpan<int> factors, int stages)
    {
        int largest = 0;
        for (int s = 0; s < stages; s++) largest = factors[2 * s] > largest ? factors[2 * s] : largest;
        return largest;
    }

    /// <summary>The double nearest pi (kiss_fft writes pi as a long decimal literal; it rounds to this value).</summary>
    public static SoftDouble Pi => SoftDouble.FromBits(0x4009_21FB_5444_2D18UL);

    /// <summary>kiss_fft_alloc's forward twiddle angle <c>-2*pi*i / nfft</c>, evaluated in double in that order.</summary>
    public static SoftDouble TwiddlePhase(int i, int nfft) =>
        SoftDouble.FromInt32(-2) * Pi * SoftDouble.FromInt32(i) / SoftDouble.FromInt32(nfft);

    /// <summary>kiss_fftr_alloc's super twiddle angle <c>-pi * ((double)(i + 1) / ncfft + .5)</c>.</summary>
    public static SoftDouble SuperTwiddlePhase(int i, int ncfft) =>
        Pi.Negate() * (SoftDouble.FromInt32(i + 1) / SoftDouble.FromInt32(ncfft) + SoftDouble.One.LdExp(-1));
}
