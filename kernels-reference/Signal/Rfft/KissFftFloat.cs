using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0 in its float build, the FFT behind TFLM's float SignalRfft
/// (signal/src/kiss_fft_wrappers/kiss_fft_float.cc): the same mixed-radix structure as
/// <see cref="KissFftInt16"/> without the per-stage scaling; twiddles are <c>(float)cos(phase)</c> of the double
/// phase. Same operation order as kiss_fft, so results agree to float rounding. Also the inverse direction behind
/// the float SignalIrfft (negated twiddle phases, inverse radix-4 rotation; unnormalised, TFLM divides afterwards).
/// </summary>
public static unsafe class KissFftFloat
{
    public static void FillTwiddles(Span<KissComplexFloat> twiddles, int nfft, bool inverse = false)
    {
        for (int i = 0; i < nfft; i++)
        {
            SoftDouble phase = KissFftFactors.TwiddlePhase(i, nfft);
            KissTrigonometry.CosSin(inverse ? phase.Negate() : phase, out SoftDouble cos, out SoftDouble sin);
            twiddles[i] = new KissComplexFloat(cos.ToFloat(), sin.ToFloat());
        }
    }

    public static void FillSuperTwiddles(Span<KissComplexFloat> superTwiddles, int ncfft, bool inverse = false)
    {
        for (int i = 0; i < ncfft / 2; i++)
        {
            SoftDouble phase = KissFftFactors.SuperTwiddlePhase(i, ncfft);
            KissTrigonometry.CosSin(inverse ? phase.Negate() : phase, out SoftDouble cos, out SoftDouble sin);
            superTwiddles[i] = new KissComplexFloat(cos.ToFloat(), sin.ToFloat());
        }
    }

    /// <summary>kiss_fftr: real FFT of 2*ncfft samples through one ncfft-point complex FFT (ncfft + 1 bins).</summary>
    public static void RealForward(ReadOnlySpan<float> timeData, Span<KissComplexFloat> frequencyData, int ncfft,
        ReadOnlySpan<KissComplexFloat> twiddles, ReadOnlySpan<KissComplexFloat> superTwiddles, ReadOnlySpan<int> factors,
        Span<KissComplexFloat> work, Span<KissComplexFloat> radixScratch)
    {
        fixed (float* time = timeData)
        fixed (KissComplexFloat* freq = frequencyData)
        fixed (KissComplexFloat* tw = twiddles)
        fixed (KissComplexFloat* super = superTwiddles)
        fixed (int* fac = factors)
        fixed (KissComplexFloat* tmp = work)
        fixed (KissComplexFloat* scratch = radixScratch)
        {
            var plan = new Plan(ncfft, tw, scratch, inverse: false);
            Work(tmp, (KissComplexFloat*)time, 1, fac, plan);

            KissComplexFloat dc = tmp[0];
            freq[0].R = dc.R + dc.I;
            freq[ncfft].R = dc.R - dc.I;
            freq[0].I = 0f;
            freq[ncfft].I = 0f;

            for (int k = 1; k <= ncfft / 2; k++)
            {
                KissComplexFloat fpk = tmp[k];
                KissComplexFloat fpnk = new KissComplexFloat(tmp[ncfft - k].R, -tmp[ncfft - k].I);
                KissComplexFloat f1k = new KissComplexFloat(fpk.R + fpnk.R, fpk.I + fpnk.I);
                KissComplexFloat f2k = new KissComplexFloat(fpk.R - fpnk.R, fpk.I - fpnk.I);
                KissComplexFloat t = Mul(f2k, super[k - 1]);
                freq[k].R = (f1k.R + t.R) * 0.5f;
                freq[k].I = (f1k.I + t.I) * 0.5f;
                freq[ncfft - k].R = (f1k.R - t.R) * 0.5f;
                freq[ncfft - k].I = (t.I - f1k.I) * 0.5f;
            }
        }
    }

    /// <summary>kiss_fftri: ncfft + 1 complex bins to 2*ncfft real samples (unnormalised).</summary>
    public static void RealInverse(ReadOnlySpan<KissComplexFloat> frequencyData, Span<float> timeData, int ncfft,
        ReadOnlySpan<KissComplexFloat> twiddles, ReadOnlySpan<KissComplexFloat> superTwiddles, ReadOnlySpan<int> factors,
        Span<KissComplexFloat> work, Span<KissComplexFloat> radixScratch)
    {
        fixed (KissComplexFloat* freq = frequencyData)
        fixed (float* time = timeData)
        fixed (KissComplexFloat* tw = twiddles)
        fixed (KissComplexFloat* super = superTwiddles)
        fixed (int* fac = factors)
        fixed (KissComplexFloat* tmp = work)
        fixed (KissComplexFloat* scratch = radixScratch)
        {
            tmp[0].R = freq[0].R + freq[ncfft].R;
            tmp[0].I = freq[0].R - freq[ncfft].R;
            for (int k = 1; k <= ncfft / 2; k++)
            {
                KissComplexFloat fk = freq[k];
                KissComplexFloat fnkc = new KissComplexFloat(freq[ncfft - k].R, -freq[ncfft - k].I);
                KissComplexFloat fek = new KissComplexFloat(fk.R + fnkc.R, fk.I + fnkc.I);
                KissComplexFloat difference = new KissComplexFloat(fk.R - fnkc.R, fk.I - fnkc.I);
                KissComplexFloat fok = Mul(difference, super[k - 1]);
                tmp[k] = new KissComplexFloat(fek.R + fok.R, fek.I + fok.I);
                tmp[ncfft - k] = new KissComplexFloat(fek.R - fok.R, (fek.I - fok.I) * -1f);
            }
            Work((KissComplexFloat*)time, tmp, 1, fac, new Plan(ncfft, tw, scratch, inverse: true));
        }
    }

    private readonly struct Plan
    {
        public Plan(int nfft, KissComplexFloat* twiddles, KissComplexFloat* scratch, bool inverse)
        {
            Nfft = nfft;
            Twiddles = twiddles;
            Scratch = scratch;
            Inverse = inverse;
        }

        public readonly int Nfft;
        public readonly KissComplexFloat* Twiddles;
        public readonly KissComplexFloat* Scratch;

        /// <summary>kiss_fft's <c>st->inverse</c>: only the radix-4 rotation depends on it (the twiddles carry the rest).</summary>
        public readonly bool Inverse;
    }

    private static void Work(KissComplexFloat* fout, KissComplexFloat* f, int fstride, int* factors, in Plan plan)
    {
        int p = factors[0];
        int m = factors[1];
        KissComplexFloat* start = fout;
        KissComplexFloat* end = fout + p * m;
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

    private static void Butterfly2(KissComplexFloat* fout, int fstride, in Plan plan, int m)
    {
        KissComplexFloat* fout2 = fout + m;
        KissComplexFloat* tw1 = plan.Twiddles;
        do
        {
            KissComplexFloat t = Mul(*fout2, *tw1);
            tw1 += fstride;
            fout2->R = fout->R - t.R;
            fout2->I = fout->I - t.I;
            fout->R += t.R;
            fout->I += t.I;
            ++fout2;
            ++fout;
        }
        while (--m != 0);
    }

    private static void Butterfly4(KissComplexFloat* fout, int fstride, in Plan plan, int m)
    {
        KissComplexFloat* tw1 = plan.Twiddles;
        KissComplexFloat* tw2 = plan.Twiddles;
        KissComplexFloat* tw3 = plan.Twiddles;
        int m2 = 2 * m;
        int m3 = 3 * m;
        int k = m;
        do
        {
            KissComplexFloat s0 = Mul(fout[m], *tw1);
            KissComplexFloat s1 = Mul(fout[m2], *tw2);
            KissComplexFloat s2 = Mul(fout[m3], *tw3);

            KissComplexFloat s5 = new KissComplexFloat(fout->R - s1.R, fout->I - s1.I);
            fout->R += s1.R;
            fout->I += s1.I;
            KissComplexFloat s3 = new KissComplexFloat(s0.R + s2.R, s0.I + s2.I);
            KissComplexFloat s4 = new KissComplexFloat(s0.R - s2.R, s0.I - s2.I);
            fout[m2] = new KissComplexFloat(fout->R - s3.R, fout->I - s3.I);
            tw1 += fstride;
            tw2 += fstride * 2;
            tw3 += fstride * 3;
            fout->R += s3.R;
            fout->I += s3.I;

            if (plan.Inverse)
            {
                fout[m].R = s5.R - s4.I;
                fout[m].I = s5.I + s4.R;
                fout[m3].R = s5.R + s4.I;
                fout[m3].I = s5.I - s4.R;
            }
            else
            {
                fout[m].R = s5.R + s4.I;
                fout[m].I = s5.I - s4.R;
                fout[m3].R = s5.R - s4.I;
                fout[m3].I = s5.I + s4.R;
            }
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly3(KissComplexFloat* fout, int fstride, in Plan plan, int m)
    {
        int k = m;
        int m2 = 2 * m;
        KissComplexFloat* tw1 = plan.Twiddles;
        KissComplexFloat* tw2 = plan.Twiddles;
        KissComplexFloat epi3 = plan.Twiddles[fstride * m];
        do
        {
            KissComplexFloat s1 = Mul(fout[m], *tw1);
            KissComplexFloat s2 = Mul(fout[m2], *tw2);
            KissComplexFloat s3 = new KissComplexFloat(s1.R + s2.R, s1.I + s2.I);
            KissComplexFloat s0 = new KissComplexFloat(s1.R - s2.R, s1.I - s2.I);
            tw1 += fstride;
            tw2 += fstride * 2;

            fout[m].R = fout->R - s3.R * 0.5f;
            fout[m].I = fout->I - s3.I * 0.5f;

            s0.R *= epi3.I;
            s0.I *= epi3.I;

            fout->R += s3.R;
            fout->I += s3.I;

            fout[m2].R = fout[m].R + s0.I;
            fout[m2].I = fout[m].I - s0.R;

            fout[m].R -= s0.I;
            fout[m].I += s0.R;
            ++fout;
        }
        while (--k != 0);
    }

    private static void Butterfly5(KissComplexFloat* fout, int fstride, in Plan plan, int m)
    {
        KissComplexFloat* tw = plan.Twiddles;
        KissComplexFloat ya = tw[fstride * m];
        KissComplexFloat yb = tw[fstride * 2 * m];
        KissComplexFloat* f0 = fout;
        KissComplexFloat* f1 = fout + m;
        KissComplexFloat* f2 = fout + 2 * m;
        KissComplexFloat* f3 = fout + 3 * m;
        KissComplexFloat* f4 = fout + 4 * m;

        for (int u = 0; u < m; ++u)
        {
            KissComplexFloat s0 = *f0;
            KissComplexFloat s1 = Mul(*f1, tw[u * fstride]);
            KissComplexFloat s2 = Mul(*f2, tw[2 * u * fstride]);
            KissComplexFloat s3 = Mul(*f3, tw[3 * u * fstride]);
            KissComplexFloat s4 = Mul(*f4, tw[4 * u * fstride]);

            KissComplexFloat s7 = new KissComplexFloat(s1.R + s4.R, s1.I + s4.I);
            KissComplexFloat s10 = new KissComplexFloat(s1.R - s4.R, s1.I - s4.I);
            KissComplexFloat s8 = new KissComplexFloat(s2.R + s3.R, s2.I + s3.I);
            KissComplexFloat s9 = new KissComplexFloat(s2.R - s3.R, s2.I - s3.I);

            f0->R += s7.R + s8.R;
            f0->I += s7.I + s8.I;

            KissComplexFloat s5 = new KissComplexFloat(s0.R + s7.R * ya.R + s8.R * yb.R, s0.I + s7.I * ya.R + s8.I * yb.R);
            KissComplexFloat s6 = new KissComplexFloat(s10.I * ya.I + s9.I * yb.I, -(s10.R * ya.I) - s9.R * yb.I);

            *f1 = new KissComplexFloat(s5.R - s6.R, s5.I - s6.I);
            *f4 = new KissComplexFloat(s5.R + s6.R, s5.I + s6.I);

            KissComplexFloat s11 = new KissComplexFloat(s0.R + s7.R * yb.R + s8.R * ya.R, s0.I + s7.I * yb.R + s8.I * ya.R);
            KissComplexFloat s12 = new KissComplexFloat(-(s10.I * yb.I) + s9.I * ya.I, s10.R * yb.I - s9.R * ya.I);

            *f2 = new KissComplexFloat(s11.R + s12.R, s11.I + s12.I);
            *f3 = new KissComplexFloat(s11.R - s12.R, s11.I - s12.I);

            ++f0; ++f1; ++f2; ++f3; ++f4;
        }
    }

    private static void ButterflyGeneric(KissComplexFloat* fout, int fstride, in Plan plan, int m, int p)
    {
        KissComplexFloat* scratch = plan.Scratch;
        KissComplexFloat* twiddles = plan.Twiddles;
        int nOriginal = plan.Nfft;
        for (int u = 0; u < m; ++u)
        {
            int k = u;
            for (int q1 = 0; q1 < p; ++q1)
            {
                scratch[q1] = fout[k];
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
                    KissComplexFloat t = Mul(scratch[q], twiddles[twiddleIndex]);
                    fout[k].R += t.R;
                    fout[k].I += t.I;
                }
                k += m;
            }
        }
    }

    /// <summary><c>C_MUL</c> in float: each component is one product difference or sum, no fused multiply-add.</summary>
    private static KissComplexFloat Mul(KissComplexFloat a, KissComplexFloat b) =>
        new KissComplexFloat(a.R * b.R - a.I * b.I, a.R * b.I + a.I * b.R);
}
