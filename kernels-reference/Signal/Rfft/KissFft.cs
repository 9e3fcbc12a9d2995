using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0 (the FFT behind TFLM's SignalRfft / SignalIrfft), written once for its three builds: the
/// scalar type <typeparamref name="T"/> and the macros of <typeparamref name="TArithmetic"/> select int16 (Q15),
/// int32 (Q31) or float. A mixed-radix decimation-in-time complex FFT (radix 4 first, then 2, 3, 5, generic);
/// the fixed-point builds divide by the radix at every stage, so their forward output is scaled by 1/nfft.
/// kiss_fftr / kiss_fftri wrap it for real signals (one complex FFT of half the length plus a split step); the
/// inverse direction differs only in the twiddle phases and the radix-4 rotation. Operation order and the points
/// where kiss_fft narrows to its scalar type are kept, so results are bit-exact.
/// </summary>
public static unsafe class KissFft<T, TArithmetic>
    where T : unmanaged
    where TArithmetic : struct, IKissArithmetic<T>
{
    // ----- plan (Init) -----

    /// <summary>Fills the plan's twiddle tables (its buffers must hold <see cref="KissComplex{T}"/>).</summary>
    public static void FillTwiddles(in KissFftPlan plan)
    {
        int ncfft = plan.ComplexLength;
        FillTwiddles(new Span<KissComplex<T>>(plan.Twiddles, ncfft), ncfft, plan.Inverse);
        FillSuperTwiddles(new Span<KissComplex<T>>(plan.SuperTwiddles, ncfft / 2), ncfft, plan.Inverse);
    }

    /// <summary>kiss_fft_alloc's twiddles: <c>phase = -2*pi*i / nfft</c> (in double, in that order), negated for the inverse.</summary>
    public static void FillTwiddles(Span<KissComplex<T>> twiddles, int nfft, bool inverse)
    {
        for (int i = 0; i < nfft; i++)
        {
            SoftDouble phase = KissFftFactors.TwiddlePhase(i, nfft);
            twiddles[i] = Twiddle(inverse ? phase.Negate() : phase);
        }
    }

    /// <summary>kiss_fftr_alloc's super twiddles: <c>phase = -pi * ((double)(i + 1) / ncfft + .5)</c>, negated for the inverse.</summary>
    public static void FillSuperTwiddles(Span<KissComplex<T>> superTwiddles, int ncfft, bool inverse)
    {
        for (int i = 0; i < ncfft / 2; i++)
        {
            SoftDouble phase = KissFftFactors.SuperTwiddlePhase(i, ncfft);
            superTwiddles[i] = Twiddle(inverse ? phase.Negate() : phase);
        }
    }

    private static KissComplex<T> Twiddle(SoftDouble phase)
    {
        TArithmetic math = default;
        KissTrigonometry.CosSin(phase, out SoftDouble cos, out SoftDouble sin);
        return new KissComplex<T>(math.Twiddle(cos), math.Twiddle(sin));
    }

    // ----- transforms (Invoke) -----

    /// <summary>
    /// kiss_fftr: the FFT of 2 * ncfft real samples through one ncfft-point complex FFT, giving ncfft + 1 bins.
    /// <paramref name="plan"/> must be a forward plan.
    /// </summary>
    public static void RealForward(ReadOnlySpan<T> timeData, Span<KissComplex<T>> frequencyData, in KissFftPlan plan)
    {
        TArithmetic math = default;
        int ncfft = plan.ComplexLength;
        KissComplex<T>* tmp = (KissComplex<T>*)plan.Work;
        KissComplex<T>* super = (KissComplex<T>*)plan.SuperTwiddles;
        fixed (T* time = timeData)
        fixed (KissComplex<T>* freq = frequencyData)
        {
            // The real samples are read as ncfft complex values (even samples real, odd samples imaginary).
            Work(tmp, (KissComplex<T>*)time, 1, plan.Factors, new Butterflies(plan));

            KissComplex<T> dc = tmp[0];
            math.DivideByRadix(ref dc, 2);
            freq[0].R = math.Add(dc.R, dc.I);
            freq[ncfft].R = math.Subtract(dc.R, dc.I);
            freq[0].I = default;
            freq[ncfft].I = default;

            for (int k = 1; k <= ncfft / 2; k++)
            {
                HalvedPair(tmp, k, ncfft, out KissComplex<T> fpk, out KissComplex<T> fpnk);
                KissComplex<T> f1k = Add(fpk, fpnk);
                KissComplex<T> f2k = Subtract(fpk, fpnk);
                KissComplex<T> t = math.Multiply(f2k, super[k - 1]);
                freq[k].R = math.Half(math.Add(f1k.R, t.R));
                freq[k].I = math.Half(math.Add(f1k.I, t.I));
                freq[ncfft - k].R = math.Half(math.Subtract(f1k.R, t.R));
                freq[ncfft - k].I = math.Half(math.Subtract(t.I, f1k.I));
            }
        }
    }

    /// <summary>
    /// kiss_fftri: ncfft + 1 complex bins to 2 * ncfft real samples through one ncfft-point inverse complex FFT.
    /// <paramref name="plan"/> must be an inverse plan. The float build is unnormalised (scaled by 2 * ncfft).
    /// </summary>
    public static void RealInverse(ReadOnlySpan<KissComplex<T>> frequencyData, Span<T> timeData, in KissFftPlan plan)
    {
        TArithmetic math = default;
        int ncfft = plan.ComplexLength;
        KissComplex<T>* tmp = (KissComplex<T>*)plan.Work;
        KissComplex<T>* super = (KissComplex<T>*)plan.SuperTwiddles;
        fixed (KissComplex<T>* freq = frequencyData)
        fixed (T* time = timeData)
        {
            // The sums are stored in tmpbuf (narrowed to the scalar type) before the halving, as in kiss_fft.
            tmp[0] = new KissComplex<T>(math.Add(freq[0].R, freq[ncfft].R), math.Subtract(freq[0].R, freq[ncfft].R));
            math.DivideByRadix(ref tmp[0], 2);
            for (int k = 1; k <= ncfft / 2; k++)
            {
                HalvedPair(freq, k, ncfft, out KissComplex<T> fk, out KissComplex<T> fnkc);
                KissComplex<T> fek = Add(fk, fnkc);
                KissComplex<T> fok = math.Multiply(Subtract(fk, fnkc), super[k - 1]);
                tmp[k] = Add(fek, fok);
                KissComplex<T> mirrored = Subtract(fek, fok);
                tmp[ncfft - k] = new KissComplex<T>(mirrored.R, math.Negate(mirrored.I));
            }
            Work((KissComplex<T>*)time, tmp, 1, plan.Factors, new Butterflies(plan));
        }
    }

    /// <summary>
    /// Both split steps start from bin k and the conjugate of bin ncfft - k, each halved with <c>C_FIXDIV</c>
    /// (the conjugate is taken before the division, as kiss_fftr does).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void HalvedPair(KissComplex<T>* bins, int k, int ncfft, out KissComplex<T> bin, out KissComplex<T> mirroredConjugate)
    {
        TArithmetic math = default;
        bin = bins[k];
        mirroredConjugate = new KissComplex<T>(bins[ncfft - k].R, math.Negate(bins[ncfft - k].I));
        math.DivideByRadix(ref bin, 2);
        math.DivideByRadix(ref mirroredConjugate, 2);
    }

    /// <summary>What every butterfly needs from the plan.</summary>
    private readonly struct Butterflies
    {
        public Butterflies(in KissFftPlan plan)
        {
            Nfft = plan.ComplexLength;
            Twiddles = (KissComplex<T>*)plan.Twiddles;
            Scratch = (KissComplex<T>*)plan.RadixScratch;
            Inverse = plan.Inverse;
        }

        public readonly int Nfft;
        public readonly KissComplex<T>* Twiddles;
        public readonly KissComplex<T>* Scratch;
        public readonly bool Inverse;
    }

    /// <summary>kiss_fft's recursive <c>kf_work</c>: scatter (decimation in time), then one butterfly stage.</summary>
    private static void Work(KissComplex<T>* fout, KissComplex<T>* f, int fstride, int* factors, in Butterflies plan)
    {
        int p = factors[0];
        int m = factors[1];
        KissComplex<T>* start = fout;
        KissComplex<T>* end = fout + p * m;
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

    private static void Butterfly2(KissComplex<T>* fout, int fstride, in Butterflies plan, int m)
    {
        TArithmetic math = default;
        KissComplex<T>* fout2 = fout + m;
        KissComplex<T>* tw1 = plan.Twiddles;
        do
        {
            math.DivideByRadix(ref *fout, 2);
            math.DivideByRadix(ref *fout2, 2);
            KissComplex<T> t = math.Multiply(*fout2, *tw1);
            tw1 += fstride;
            *fout2 = Subtract(*fout, t);
            *fout = Add(*fout, t);
            ++fout2;
            ++fout;
        }
        while (--m != 0);
    }

    private static void Butterfly4(KissComplex<T>* fout, int fstride, in Butterflies plan, int m)
    {
        TArithmetic math = default;
        KissComplex<T>* tw1 = plan.Twiddles;
        KissComplex<T>* tw2 = plan.Twiddles;
        KissComplex<T>* tw3 = plan.Twiddles;
        int m2 = 2 * m;
        int m3 = 3 * m;
        int k = m;
        do
        {
            math.DivideByRadix(ref fout[0], 4);
            math.DivideByRadix(ref fout[m], 4);
            math.DivideByRadix(ref fout[m2], 4);
            math.DivideByRadix(ref fout[m3], 4);

            KissComplex<T> s0 = math.Multiply(fout[m], *tw1);
            KissComplex<T> s1 = math.Multiply(fout[m2], *tw2);
            KissComplex<T> s2 = math.Multiply(fout[m3], *tw3);

            KissComplex<T> s5 = Subtract(*fout, s1);
            *fout = Add(*fout, s1);
            KissComplex<T> s3 = Add(s0, s2);
            KissComplex<T> s4 = Subtract(s0, s2);
            fout[m2] = Subtract(*fout, s3);
            tw1 += fstride;
            tw2 += fstride * 2;
            tw3 += fstride * 3;
            *fout = Add(*fout, s3);

            // Multiplying s4 by -i (forward) or +i (inverse) is a swap of its parts with one negation.
            if (plan.Inverse)
            {
                fout[m] = new KissComplex<T>(math.Subtract(s5.R, s4.I), math.Add(s5.I, s4.R));
                fout[m3] = new KissComplex<T>(math.Add(s5.R, s4.I), math.Subtract(s5.I, s4.R));
            }
            else
            {
                fout[m] = new KissComplex<T>(math.Add(s5.R, s4.I), math.Subtract(s5.I, s4.R));
                fout[m3] = new KissComplex<T>(math.Subtract(s5.R, s4.I), math.Add(s5.I, s4.R));
            }
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly3(KissComplex<T>* fout, int fstride, in Butterflies plan, int m)
    {
        TArithmetic math = default;
        int k = m;
        int m2 = 2 * m;
        KissComplex<T>* tw1 = plan.Twiddles;
        KissComplex<T>* tw2 = plan.Twiddles;
        T epi3 = plan.Twiddles[fstride * m].I;
        do
        {
            math.DivideByRadix(ref fout[0], 3);
            math.DivideByRadix(ref fout[m], 3);
            math.DivideByRadix(ref fout[m2], 3);

            KissComplex<T> s1 = math.Multiply(fout[m], *tw1);
            KissComplex<T> s2 = math.Multiply(fout[m2], *tw2);
            KissComplex<T> s3 = Add(s1, s2);
            KissComplex<T> s0 = Subtract(s1, s2);
            tw1 += fstride;
            tw2 += fstride * 2;

            fout[m] = new KissComplex<T>(math.Subtract(fout->R, math.Half(s3.R)), math.Subtract(fout->I, math.Half(s3.I)));
            s0 = new KissComplex<T>(math.Multiply(s0.R, epi3), math.Multiply(s0.I, epi3));
            *fout = Add(*fout, s3);

            fout[m2] = new KissComplex<T>(math.Add(fout[m].R, s0.I), math.Subtract(fout[m].I, s0.R));
            fout[m] = new KissComplex<T>(math.Subtract(fout[m].R, s0.I), math.Add(fout[m].I, s0.R));
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly5(KissComplex<T>* fout, int fstride, in Butterflies plan, int m)
    {
        TArithmetic math = default;
        KissComplex<T>* tw = plan.Twiddles;
        KissComplex<T> ya = tw[fstride * m];
        KissComplex<T> yb = tw[fstride * 2 * m];
        KissComplex<T>* f0 = fout;
        KissComplex<T>* f1 = fout + m;
        KissComplex<T>* f2 = fout + 2 * m;
        KissComplex<T>* f3 = fout + 3 * m;
        KissComplex<T>* f4 = fout + 4 * m;

        for (int u = 0; u < m; ++u)
        {
            math.DivideByRadix(ref *f0, 5);
            math.DivideByRadix(ref *f1, 5);
            math.DivideByRadix(ref *f2, 5);
            math.DivideByRadix(ref *f3, 5);
            math.DivideByRadix(ref *f4, 5);
            KissComplex<T> s0 = *f0;

            KissComplex<T> s1 = math.Multiply(*f1, tw[u * fstride]);
            KissComplex<T> s2 = math.Multiply(*f2, tw[2 * u * fstride]);
            KissComplex<T> s3 = math.Multiply(*f3, tw[3 * u * fstride]);
            KissComplex<T> s4 = math.Multiply(*f4, tw[4 * u * fstride]);

            KissComplex<T> s7 = Add(s1, s4);
            KissComplex<T> s10 = Subtract(s1, s4);
            KissComplex<T> s8 = Add(s2, s3);
            KissComplex<T> s9 = Subtract(s2, s3);

            *f0 = new KissComplex<T>(math.Add(f0->R, math.Add(s7.R, s8.R)), math.Add(f0->I, math.Add(s7.I, s8.I)));

            KissComplex<T> s5 = new KissComplex<T>(
                math.Add(math.Add(s0.R, math.Multiply(s7.R, ya.R)), math.Multiply(s8.R, yb.R)),
                math.Add(math.Add(s0.I, math.Multiply(s7.I, ya.R)), math.Multiply(s8.I, yb.R)));
            KissComplex<T> s6 = new KissComplex<T>(
                math.Add(math.Multiply(s10.I, ya.I), math.Multiply(s9.I, yb.I)),
                math.Subtract(math.Negate(math.Multiply(s10.R, ya.I)), math.Multiply(s9.R, yb.I)));

            *f1 = Subtract(s5, s6);
            *f4 = Add(s5, s6);

            KissComplex<T> s11 = new KissComplex<T>(
                math.Add(math.Add(s0.R, math.Multiply(s7.R, yb.R)), math.Multiply(s8.R, ya.R)),
                math.Add(math.Add(s0.I, math.Multiply(s7.I, yb.R)), math.Multiply(s8.I, ya.R)));
            KissComplex<T> s12 = new KissComplex<T>(
                math.Add(math.Negate(math.Multiply(s10.I, yb.I)), math.Multiply(s9.I, ya.I)),
                math.Subtract(math.Multiply(s10.R, yb.I), math.Multiply(s9.R, ya.I)));

            *f2 = Add(s11, s12);
            *f3 = Subtract(s11, s12);

            ++f0; ++f1; ++f2; ++f3; ++f4;
        }
    }

    private static void ButterflyGeneric(KissComplex<T>* fout, int fstride, in Butterflies plan, int m, int p)
    {
        TArithmetic math = default;
        KissComplex<T>* scratch = plan.Scratch;
        KissComplex<T>* twiddles = plan.Twiddles;
        int nOriginal = plan.Nfft;
        for (int u = 0; u < m; ++u)
        {
            int k = u;
            for (int q1 = 0; q1 < p; ++q1)
            {
                scratch[q1] = fout[k];
                math.DivideByRadix(ref scratch[q1], p);
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
                    fout[k] = Add(fout[k], math.Multiply(scratch[q], twiddles[twiddleIndex]));
                }
                k += m;
            }
        }
    }

    /// <summary><c>C_ADD</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static KissComplex<T> Add(KissComplex<T> a, KissComplex<T> b)
    {
        TArithmetic math = default;
        return new KissComplex<T>(math.Add(a.R, b.R), math.Add(a.I, b.I));
    }

    /// <summary><c>C_SUB</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static KissComplex<T> Subtract(KissComplex<T> a, KissComplex<T> b)
    {
        TArithmetic math = default;
        return new KissComplex<T>(math.Subtract(a.R, b.R), math.Subtract(a.I, b.I));
    }
}
