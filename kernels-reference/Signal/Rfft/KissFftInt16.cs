using System;
using TfLiteMicro.Kernels;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0 compiled with <c>FIXED_POINT=16</c>, the FFT behind TFLM's int16 SignalRfft
/// (signal/src/kiss_fft_wrappers/kiss_fft_int16.cc): a mixed-radix decimation-in-time complex FFT on Q15 values
/// that divides by the radix at every stage (so the output is scaled by 1/nfft), plus kiss_fftr's real-input
/// wrapper, and the inverse direction behind SignalIrfft (kiss_fftri: negated twiddle phases, the inverse radix-4
/// rotation). Every rounding, truncation to 16 bits and evaluation order follows kiss_fft's macros
/// (<c>sround</c>, <c>C_MUL</c>, <c>C_FIXDIV</c>, <c>HALF_OF</c>) so results are bit-exact.
/// </summary>
public static unsafe class KissFftInt16
{
    private const int FractionBits = 15;
    private const int SampleMax = 32767;

    // ----- plan construction (Init; the factorization is KissFftFactors.Factor) -----

    /// <summary>kiss_fft_alloc's forward twiddles: <c>phase = -2*pi*i / nfft</c> (in double, in that order).</summary>
    public static void FillTwiddles(Span<KissComplex16> twiddles, int nfft, bool inverse = false)
    {
        for (int i = 0; i < nfft; i++)
        {
            SoftDouble phase = KissFftFactors.TwiddlePhase(i, nfft);
            if (inverse) phase = phase.Negate();
            KissTrigonometry.CosSin(phase, out SoftDouble cos, out SoftDouble sin);
            twiddles[i] = new KissComplex16(Q15(cos), Q15(sin));
        }
    }

    /// <summary>kiss_fftr_alloc's super twiddles: <c>phase = -pi * ((double)(i + 1) / ncfft + .5)</c>.</summary>
    public static void FillSuperTwiddles(Span<KissComplex16> superTwiddles, int ncfft, bool inverse = false)
    {
        for (int i = 0; i < ncfft / 2; i++)
        {
            SoftDouble phase = KissFftFactors.SuperTwiddlePhase(i, ncfft);
            if (inverse) phase = phase.Negate();
            KissTrigonometry.CosSin(phase, out SoftDouble cos, out SoftDouble sin);
            superTwiddles[i] = new KissComplex16(Q15(cos), Q15(sin));
        }
    }

    /// <summary><c>floor(.5 + SAMP_MAX * x)</c> evaluated in double, stored as int16.</summary>
    private static short Q15(SoftDouble x)
    {
        SoftDouble half = SoftDouble.One.LdExp(-1);
        return (short)(half + SoftDouble.FromInt32(SampleMax) * x).Floor().ToInt64();
    }

    // ----- transforms (Invoke) -----

    /// <summary>
    /// kiss_fftr: the FFT of 2*ncfft real samples through one ncfft-point complex FFT, giving ncfft + 1 bins.
    /// <paramref name="work"/> holds ncfft values (kiss_fftr's tmpbuf), <paramref name="radixScratch"/> the largest
    /// radix (only used by radices above 5).
    /// </summary>
    public static void RealForward(ReadOnlySpan<short> timeData, Span<KissComplex16> frequencyData, int ncfft,
        ReadOnlySpan<KissComplex16> twiddles, ReadOnlySpan<KissComplex16> superTwiddles, ReadOnlySpan<int> factors,
        Span<KissComplex16> work, Span<KissComplex16> radixScratch)
    {
        fixed (short* time = timeData)
        fixed (KissComplex16* freq = frequencyData)
        fixed (KissComplex16* tw = twiddles)
        fixed (KissComplex16* super = superTwiddles)
        fixed (int* fac = factors)
        fixed (KissComplex16* tmp = work)
        fixed (KissComplex16* scratch = radixScratch)
        {
            var plan = new Plan(ncfft, tw, scratch, inverse: false);
            // The real samples are read as ncfft complex values (even samples real, odd samples imaginary).
            Work(tmp, (KissComplex16*)time, 1, fac, plan);

            KissComplex16 dc = tmp[0];
            FixDiv(ref dc, 2);
            freq[0].R = (short)(dc.R + dc.I);
            freq[ncfft].R = (short)(dc.R - dc.I);
            freq[0].I = 0;
            freq[ncfft].I = 0;

            for (int k = 1; k <= ncfft / 2; k++)
            {
                KissComplex16 fpk = tmp[k];
                KissComplex16 fpnk = new KissComplex16(tmp[ncfft - k].R, (short)-tmp[ncfft - k].I);
                FixDiv(ref fpk, 2);
                FixDiv(ref fpnk, 2);
                KissComplex16 f1k = Add(fpk, fpnk);
                KissComplex16 f2k = Sub(fpk, fpnk);
                KissComplex16 t = Mul(f2k, super[k - 1]);
                freq[k].R = (short)((f1k.R + t.R) >> 1);
                freq[k].I = (short)((f1k.I + t.I) >> 1);
                freq[ncfft - k].R = (short)((f1k.R - t.R) >> 1);
                freq[ncfft - k].I = (short)((t.I - f1k.I) >> 1);
            }
        }
    }

    /// <summary>The complex forward FFT of <paramref name="nfft"/> values (kiss_fft with separate input and output).</summary>
    public static void Forward(ReadOnlySpan<KissComplex16> input, Span<KissComplex16> output, int nfft,
        ReadOnlySpan<KissComplex16> twiddles, ReadOnlySpan<int> factors, Span<KissComplex16> radixScratch)
    {
        fixed (KissComplex16* fin = input)
        fixed (KissComplex16* fout = output)
        fixed (KissComplex16* tw = twiddles)
        fixed (int* fac = factors)
        fixed (KissComplex16* scratch = radixScratch)
        {
            Work(fout, fin, 1, fac, new Plan(nfft, tw, scratch, inverse: false));
        }
    }

    /// <summary>
    /// kiss_fftri: ncfft + 1 complex bins to 2*ncfft real samples through one ncfft-point inverse complex FFT.
    /// <paramref name="work"/> holds ncfft values (kiss_fftr's tmpbuf), <paramref name="radixScratch"/> the largest radix.
    /// </summary>
    public static void RealInverse(ReadOnlySpan<KissComplex16> frequencyData, Span<short> timeData, int ncfft,
        ReadOnlySpan<KissComplex16> twiddles, ReadOnlySpan<KissComplex16> superTwiddles, ReadOnlySpan<int> factors,
        Span<KissComplex16> work, Span<KissComplex16> radixScratch)
    {
        fixed (KissComplex16* freq = frequencyData)
        fixed (short* time = timeData)
        fixed (KissComplex16* tw = twiddles)
        fixed (KissComplex16* super = superTwiddles)
        fixed (int* fac = factors)
        fixed (KissComplex16* tmp = work)
        fixed (KissComplex16* scratch = radixScratch)
        {
            // The int sums are stored in the 16-bit tmpbuf before the halving, as in kiss_fft.
            tmp[0].R = (short)(freq[0].R + freq[ncfft].R);
            tmp[0].I = (short)(freq[0].R - freq[ncfft].R);
            FixDiv(ref tmp[0], 2);
            for (int k = 1; k <= ncfft / 2; k++)
            {
                KissComplex16 fk = freq[k];
                KissComplex16 fnkc = new KissComplex16(freq[ncfft - k].R, (short)-freq[ncfft - k].I);
                FixDiv(ref fk, 2);
                FixDiv(ref fnkc, 2);
                KissComplex16 fek = Add(fk, fnkc);
                KissComplex16 difference = Sub(fk, fnkc);
                KissComplex16 fok = Mul(difference, super[k - 1]);
                tmp[k] = Add(fek, fok);
                KissComplex16 mirrored = Sub(fek, fok);
                tmp[ncfft - k] = new KissComplex16(mirrored.R, (short)(mirrored.I * -1));
            }
            Work((KissComplex16*)time, tmp, 1, fac, new Plan(ncfft, tw, scratch, inverse: true));
        }
    }

    private readonly struct Plan
    {
        public Plan(int nfft, KissComplex16* twiddles, KissComplex16* scratch, bool inverse)
        {
            Nfft = nfft;
            Twiddles = twiddles;
            Scratch = scratch;
            Inverse = inverse;
        }

        public readonly int Nfft;
        public readonly KissComplex16* Twiddles;
        public readonly KissComplex16* Scratch;

        /// <summary>kiss_fft's <c>st->inverse</c>: only the radix-4 rotation depends on it (the twiddles carry the rest).</summary>
        public readonly bool Inverse;
    }

    /// <summary>kiss_fft's recursive <c>kf_work</c>: scatter (decimation in time), then one butterfly stage.</summary>
    private static void Work(KissComplex16* fout, KissComplex16* f, int fstride, int* factors, in Plan plan)
    {
        int p = factors[0];
        int m = factors[1];
        KissComplex16* start = fout;
        KissComplex16* end = fout + p * m;
        if (m == 1)
        {
            do
            {
                *fout = *f;
                f += fstride;
            }
            while (++fout != end);
        }
        else
        {
            do
            {
                Work(fout, f, fstride * p, factors + 2, plan);
                f += fstride;
            }
            while ((fout += m) != end);
        }

        switch (p)
        {
            case 2: Butterfly2(start, fstride, plan, m); break;
            case 3: Butterfly3(start, fstride, plan, m); break;
            case 4: Butterfly4(start, fstride, plan, m); break;
            case 5: Butterfly5(start, fstride, plan, m); break;
            default: ButterflyGeneric(start, fstride, plan, m, p); break;
        }
    }

    private static void Butterfly2(KissComplex16* fout, int fstride, in Plan plan, int m)
    {
        KissComplex16* fout2 = fout + m;
        KissComplex16* tw1 = plan.Twiddles;
        do
        {
            FixDiv(ref *fout, 2);
            FixDiv(ref *fout2, 2);
            KissComplex16 t = Mul(*fout2, *tw1);
            tw1 += fstride;
            *fout2 = Sub(*fout, t);
            *fout = Add(*fout, t);
            ++fout2;
            ++fout;
        }
        while (--m != 0);
    }

    private static void Butterfly4(KissComplex16* fout, int fstride, in Plan plan, int m)
    {
        KissComplex16* tw1 = plan.Twiddles;
        KissComplex16* tw2 = plan.Twiddles;
        KissComplex16* tw3 = plan.Twiddles;
        int m2 = 2 * m;
        int m3 = 3 * m;
        int k = m;
        do
        {
            FixDiv(ref fout[0], 4);
            FixDiv(ref fout[m], 4);
            FixDiv(ref fout[m2], 4);
            FixDiv(ref fout[m3], 4);

            KissComplex16 s0 = Mul(fout[m], *tw1);
            KissComplex16 s1 = Mul(fout[m2], *tw2);
            KissComplex16 s2 = Mul(fout[m3], *tw3);

            KissComplex16 s5 = Sub(*fout, s1);
            *fout = Add(*fout, s1);
            KissComplex16 s3 = Add(s0, s2);
            KissComplex16 s4 = Sub(s0, s2);
            fout[m2] = Sub(*fout, s3);
            tw1 += fstride;
            tw2 += fstride * 2;
            tw3 += fstride * 3;
            *fout = Add(*fout, s3);

            if (plan.Inverse)
            {
                fout[m].R = (short)(s5.R - s4.I);
                fout[m].I = (short)(s5.I + s4.R);
                fout[m3].R = (short)(s5.R + s4.I);
                fout[m3].I = (short)(s5.I - s4.R);
            }
            else
            {
                fout[m].R = (short)(s5.R + s4.I);
                fout[m].I = (short)(s5.I - s4.R);
                fout[m3].R = (short)(s5.R - s4.I);
                fout[m3].I = (short)(s5.I + s4.R);
            }
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly3(KissComplex16* fout, int fstride, in Plan plan, int m)
    {
        int k = m;
        int m2 = 2 * m;
        KissComplex16* tw1 = plan.Twiddles;
        KissComplex16* tw2 = plan.Twiddles;
        KissComplex16 epi3 = plan.Twiddles[fstride * m];
        do
        {
            FixDiv(ref fout[0], 3);
            FixDiv(ref fout[m], 3);
            FixDiv(ref fout[m2], 3);

            KissComplex16 s1 = Mul(fout[m], *tw1);
            KissComplex16 s2 = Mul(fout[m2], *tw2);
            KissComplex16 s3 = Add(s1, s2);
            KissComplex16 s0 = Sub(s1, s2);
            tw1 += fstride;
            tw2 += fstride * 2;

            fout[m].R = (short)(fout->R - (s3.R >> 1));
            fout[m].I = (short)(fout->I - (s3.I >> 1));

            s0.R = Round(s0.R * epi3.I);
            s0.I = Round(s0.I * epi3.I);

            *fout = Add(*fout, s3);

            fout[m2].R = (short)(fout[m].R + s0.I);
            fout[m2].I = (short)(fout[m].I - s0.R);

            fout[m].R = (short)(fout[m].R - s0.I);
            fout[m].I = (short)(fout[m].I + s0.R);
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly5(KissComplex16* fout, int fstride, in Plan plan, int m)
    {
        KissComplex16* tw = plan.Twiddles;
        KissComplex16 ya = tw[fstride * m];
        KissComplex16 yb = tw[fstride * 2 * m];
        KissComplex16* f0 = fout;
        KissComplex16* f1 = fout + m;
        KissComplex16* f2 = fout + 2 * m;
        KissComplex16* f3 = fout + 3 * m;
        KissComplex16* f4 = fout + 4 * m;

        for (int u = 0; u < m; ++u)
        {
            FixDiv(ref *f0, 5);
            FixDiv(ref *f1, 5);
            FixDiv(ref *f2, 5);
            FixDiv(ref *f3, 5);
            FixDiv(ref *f4, 5);
            KissComplex16 s0 = *f0;

            KissComplex16 s1 = Mul(*f1, tw[u * fstride]);
            KissComplex16 s2 = Mul(*f2, tw[2 * u * fstride]);
            KissComplex16 s3 = Mul(*f3, tw[3 * u * fstride]);
            KissComplex16 s4 = Mul(*f4, tw[4 * u * fstride]);

            KissComplex16 s7 = Add(s1, s4);
            KissComplex16 s10 = Sub(s1, s4);
            KissComplex16 s8 = Add(s2, s3);
            KissComplex16 s9 = Sub(s2, s3);

            f0->R = (short)(f0->R + (s7.R + s8.R));
            f0->I = (short)(f0->I + (s7.I + s8.I));

            KissComplex16 s5;
            s5.R = (short)(s0.R + ScalarMul(s7.R, ya.R) + ScalarMul(s8.R, yb.R));
            s5.I = (short)(s0.I + ScalarMul(s7.I, ya.R) + ScalarMul(s8.I, yb.R));

            KissComplex16 s6;
            s6.R = (short)(ScalarMul(s10.I, ya.I) + ScalarMul(s9.I, yb.I));
            s6.I = (short)(-ScalarMul(s10.R, ya.I) - ScalarMul(s9.R, yb.I));

            *f1 = Sub(s5, s6);
            *f4 = Add(s5, s6);

            KissComplex16 s11;
            s11.R = (short)(s0.R + ScalarMul(s7.R, yb.R) + ScalarMul(s8.R, ya.R));
            s11.I = (short)(s0.I + ScalarMul(s7.I, yb.R) + ScalarMul(s8.I, ya.R));
            KissComplex16 s12;
            s12.R = (short)(-ScalarMul(s10.I, yb.I) + ScalarMul(s9.I, ya.I));
            s12.I = (short)(ScalarMul(s10.R, yb.I) - ScalarMul(s9.R, ya.I));

            *f2 = Add(s11, s12);
            *f3 = Sub(s11, s12);

            ++f0; ++f1; ++f2; ++f3; ++f4;
        }
    }

    private static void ButterflyGeneric(KissComplex16* fout, int fstride, in Plan plan, int m, int p)
    {
        KissComplex16* scratch = plan.Scratch;
        KissComplex16* twiddles = plan.Twiddles;
        int nOriginal = plan.Nfft;
        for (int u = 0; u < m; ++u)
        {
            int k = u;
            for (int q1 = 0; q1 < p; ++q1)
            {
                scratch[q1] = fout[k];
                FixDiv(ref scratch[q1], p);
                k += m;
            }

            k = u;
            for (int q1 = 0; q1 < p; ++q1)
            {
                int twiddleIndex = 0;
                fout[k] = scratch[0];
                for (int q = 1; q < p; ++q)
                {
                    twiddleIndex += fstride * k;
                    if (twiddleIndex >= nOriginal) twiddleIndex -= nOriginal;
                    KissComplex16 t = Mul(scratch[q], twiddles[twiddleIndex]);
                    fout[k] = Add(fout[k], t);
                }
                k += m;
            }
        }
    }

    // ----- kiss_fft's fixed-point macros -----

    /// <summary><c>sround</c>: add half, shift out the 15 fraction bits, keep the low 16 bits.</summary>
    private static short Round(int product) => (short)((product + (1 << (FractionBits - 1))) >> FractionBits);

    /// <summary><c>S_MUL</c>: Q15 product of two scalars.</summary>
    private static short ScalarMul(short a, short b) => Round(a * b);

    /// <summary><c>C_MUL</c>: complex product with one rounding per component.</summary>
    private static KissComplex16 Mul(KissComplex16 a, KissComplex16 b) =>
        new KissComplex16(Round(a.R * b.R - a.I * b.I), Round(a.R * b.I + a.I * b.R));

    /// <summary><c>C_FIXDIV</c>: divide by the radix as a multiply by <c>SAMP_MAX / div</c> (integer division).</summary>
    private static void FixDiv(ref KissComplex16 c, int div)
    {
        int factor = SampleMax / div;
        c.R = Round(c.R * factor);
        c.I = Round(c.I * factor);
    }

    private static KissComplex16 Add(KissComplex16 a, KissComplex16 b) => new KissComplex16((short)(a.R + b.R), (short)(a.I + b.I));

    private static KissComplex16 Sub(KissComplex16 a, KissComplex16 b) => new KissComplex16((short)(a.R - b.R), (short)(a.I - b.I));
}
