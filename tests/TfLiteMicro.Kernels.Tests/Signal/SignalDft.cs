using System;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// Double-precision reference transforms for the SignalRfft / SignalIrfft tests, and the error budget of kiss_fft's
/// fixed-point builds.
/// </summary>
internal static class SignalDft
{
    /// <summary>The DFT of <paramref name="frame"/> zero-padded to <paramref name="fftLength"/>: bins 0..fft_length / 2, (re, im) interleaved.</summary>
    public static double[] Forward(ReadOnlySpan<double> frame, int fftLength)
    {
        int bins = fftLength / 2 + 1;
        double[] result = new double[2 * bins];
        for (int k = 0; k < bins; k++)
        {
            double re = 0, im = 0;
            for (int t = 0; t < frame.Length; t++)
            {
                double angle = -2 * Math.PI * k * t / fftLength;
                re += frame[t] * Math.Cos(angle);
                im += frame[t] * Math.Sin(angle);
            }
            result[2 * k] = re;
            result[2 * k + 1] = im;
        }
        return result;
    }

    /// <summary>
    /// The real inverse DFT of fft_length / 2 + 1 bins (Hermitian extension; the imaginary parts of bin 0 and bin
    /// fft_length / 2 are ignored, as kiss_fftri does), normalised by 1 / fft_length.
    /// </summary>
    public static double[] Inverse(ReadOnlySpan<double> interleaved, int fftLength)
    {
        double[] result = new double[fftLength];
        for (int n = 0; n < fftLength; n++)
        {
            double sum = 0;
            for (int k = 0; k < fftLength; k++)
            {
                int bin = k <= fftLength / 2 ? k : fftLength - k;
                double re = interleaved[2 * bin];
                double im = k <= fftLength / 2 ? interleaved[2 * bin + 1] : -interleaved[2 * bin + 1];
                if (k == 0 || k == fftLength / 2) im = 0;
                double angle = 2 * Math.PI * k * n / fftLength;
                sum += re * Math.Cos(angle) - im * Math.Sin(angle);
            }
            result[n] = sum / fftLength;
        }
        return result;
    }

    /// <summary>Butterfly stages of the complex FFT of fft_length / 2 points (kiss_fft factors radix 4 first).</summary>
    public static int Stages(int fftLength)
    {
        int stages = 0;
        for (int n = fftLength / 2; n > 1; n /= SmallestFactor(n)) stages++;
        return stages;
    }

    /// <summary>
    /// Absolute error of a fixed-point kiss_fft result against the exact value: one rounding per product and
    /// per radix division, about one unit per stage.
    /// </summary>
    public static double FixedPointTolerance(int fftLength) => 2.0 + 1.5 * Stages(fftLength);

    private static int SmallestFactor(int n)
    {
        if (n % 4 == 0) return 4;
        for (int p = 2; p <= n; p++) if (n % p == 0) return p;
        return n;
    }

    public static double[] ToDouble<T>(T[] values) where T : IConvertible => Array.ConvertAll(values, v => v.ToDouble(null));
}
