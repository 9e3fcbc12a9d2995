using System;
using TfLiteMicro.Kernels;
using TfLiteMicro.Kernels.Reference;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// The twiddle tables are built without double arithmetic (device code); on the host they must equal what
/// kiss_fft computes with libm in double: floor(.5 + 32767 * cos(phase)) and (float)cos(phase).
/// </summary>
public class KissTwiddleTests
{
    [Fact]
    public void CosAndSinAreWithinOneUlpOfLibmAndUsuallyEqual()
    {
        int values = 0, lastBitDifferences = 0;
        for (int nfft = 1; nfft <= 300; nfft++)
        {
            for (int i = 0; i < nfft; i++)
            {
                double phase = -2 * Math.PI * i / nfft;
                KissTrigonometry.CosSin(SoftDouble.FromBits((ulong)BitConverter.DoubleToInt64Bits(phase)), out SoftDouble cos, out SoftDouble sin);
                lastBitDifferences += UlpDistance(cos.Bits, Math.Cos(phase)) + UlpDistance(sin.Bits, Math.Sin(phase));
                values += 2;
            }
        }
        // ~1e-18 accuracy: a last-bit difference only where the exact value lies within that of a rounding midpoint.
        Assert.InRange(lastBitDifferences, 0, values / 200);
    }

    private static int UlpDistance(ulong bits, double expected)
    {
        long distance = Math.Abs((long)bits - BitConverter.DoubleToInt64Bits(expected));
        Assert.True(distance <= 1, "more than one ulp away from libm");
        return (int)distance;
    }

    [Fact]
    public void FixedPointTwiddlesMatchKissFftForManyLengths()
    {
        for (int nfft = 1; nfft <= 600; nfft++)
        {
            var twiddles = new KissComplex<short>[nfft];
            KissFft<short, KissFftInt16>.FillTwiddles(twiddles, nfft, inverse: false);
            for (int i = 0; i < nfft; i++)
            {
                double phase = -2 * Math.PI * i / nfft;
                Assert.Equal((short)Math.Floor(.5 + 32767 * Math.Cos(phase)), twiddles[i].R);
                Assert.Equal((short)Math.Floor(.5 + 32767 * Math.Sin(phase)), twiddles[i].I);
            }

            var super = new KissComplex<short>[nfft / 2];
            KissFft<short, KissFftInt16>.FillSuperTwiddles(super, nfft, inverse: false);
            for (int i = 0; i < nfft / 2; i++)
            {
                double phase = -3.14159265358979323846264338327 * ((double)(i + 1) / nfft + .5);
                Assert.Equal((short)Math.Floor(.5 + 32767 * Math.Cos(phase)), super[i].R);
                Assert.Equal((short)Math.Floor(.5 + 32767 * Math.Sin(phase)), super[i].I);
            }
        }
    }

    /// <summary>
    /// Q31 twiddles: floor(.5 + 2147483647 * cos(phase)) needs the product rounded to a double first and a cos
    /// correct to the last bit far more often than Q15 does; forward and inverse phases, all twiddle kinds.
    /// </summary>
    [Fact]
    public void Q31TwiddlesMatchKissFftForManyLengths()
    {
        for (int nfft = 1; nfft <= 600; nfft++)
        {
            foreach (bool inverse in new[] { false, true })
            {
                var twiddles = new KissComplex<int>[nfft];
                KissFft<int, KissFftInt32>.FillTwiddles(twiddles, nfft, inverse);
                for (int i = 0; i < nfft; i++)
                {
                    double phase = -2 * Math.PI * i / nfft;
                    if (inverse) phase *= -1;
                    Assert.Equal((int)Math.Floor(.5 + 2147483647 * Math.Cos(phase)), twiddles[i].R);
                    Assert.Equal((int)Math.Floor(.5 + 2147483647 * Math.Sin(phase)), twiddles[i].I);
                }

                var super = new KissComplex<int>[nfft / 2];
                KissFft<int, KissFftInt32>.FillSuperTwiddles(super, nfft, inverse);
                for (int i = 0; i < nfft / 2; i++)
                {
                    double phase = -3.14159265358979323846264338327 * ((double)(i + 1) / nfft + .5);
                    if (inverse) phase *= -1;
                    Assert.Equal((int)Math.Floor(.5 + 2147483647 * Math.Cos(phase)), super[i].R);
                    Assert.Equal((int)Math.Floor(.5 + 2147483647 * Math.Sin(phase)), super[i].I);
                }
            }
        }
    }

    [Fact]
    public void FloatTwiddlesMatchKissFft()
    {
        foreach (int nfft in new[] { 3, 5, 12, 120, 240, 256 })
        {
            var twiddles = new KissComplex<float>[nfft];
            KissFft<float, KissFftFloat>.FillTwiddles(twiddles, nfft, inverse: false);
            for (int i = 0; i < nfft; i++)
            {
                double phase = -2 * Math.PI * i / nfft;
                Assert.Equal((float)Math.Cos(phase), twiddles[i].R);
                Assert.Equal((float)Math.Sin(phase), twiddles[i].I);
            }
        }
    }

    [Theory]
    [InlineData(256, new[] { 4, 64, 4, 16, 4, 4, 4, 1 })]
    [InlineData(240, new[] { 4, 60, 4, 15, 3, 5, 5, 1 })]
    [InlineData(128, new[] { 4, 32, 4, 8, 4, 2, 2, 1 })]
    [InlineData(11, new[] { 11, 1 })]
    [InlineData(98, new[] { 2, 49, 7, 7, 7, 1 })]
    public void FactorsLikeKissFft(int n, int[] expected)
    {
        int[] factors = new int[2 * KissFftFactors.MaxStages];
        int stages = KissFftFactors.Factor(n, factors);
        Assert.Equal(expected, factors[..(2 * stages)]);
    }
}
