using System;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// SignalIrfft: TFLM's fft_test.cc IrfftTestLength64 cases (a flat spectrum of 256 gives an impulse of 256) and
/// the int16 512-point vector (INT32 is in SignalFftInt32Tests),
/// an inverse DFT in double for float and int16 on several radices, and the round trip through SignalRfft.
/// </summary>
public class SignalIrfftTests
{
    private static KernelRunner Runner<T>(string implementation, TensorType type, int fftLength, int frames) where T : unmanaged =>
        new KernelRunner(Kernel(implementation, "SignalIrfft"), new[]
        {
            Tensor<T>(type, new[] { frames, fftLength + 2 }, null),
            Tensor<T>(type, new[] { frames, fftLength }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", (int)type), ("fft_length", fftLength)), arenaBytes: 1 << 18);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void TflmFlatSpectrumGivesAnImpulse(string implementation)
    {
        float[] floatBins = new float[66];
        short[] shortBins = new short[66];
        for (int k = 0; k < 33; k++)
        {
            floatBins[2 * k] = 256f;
            shortBins[2 * k] = 256;
        }
        float[] floatGolden = new float[64];
        short[] shortGolden = new short[64];
        floatGolden[0] = 256f;
        shortGolden[0] = 256;

        using (KernelRunner runner = Runner<float>(implementation, TensorType.Float32, 64, 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            runner.SetData(0, floatBins);
            Assert.Equal(Status.Ok, runner.Invoke());
            float[] output = runner.Get<float>(1);
            for (int i = 0; i < 64; i++) Assert.Equal(floatGolden[i], output[i], 1e-7f);
        }
        using (KernelRunner runner = Runner<short>(implementation, TensorType.Int16, 64, 1))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            runner.SetData(0, shortBins);
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(shortGolden, runner.Get<short>(1));
        }
    }

    /// <summary>IrfftTestLength512Int16 (fft_test.cc, tolerance 0): TFLM's 514-value spectrum and the samples its int16 build gives.</summary>
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16MatchesTflmLength512VectorBitExactly(string implementation)
    {
        Assert.Equal(514, SignalFftTestData.Int16IrfftInput.Length);
        Assert.Equal(512, SignalFftTestData.Int16IrfftGolden.Length);
        using KernelRunner runner = Runner<short>(implementation, TensorType.Int16, 512, 1);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        runner.SetData(0, SignalFftTestData.Int16IrfftInput);
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(SignalFftTestData.Int16IrfftGolden, runner.Get<short>(1));
    }

    public static TheoryData<string, int> FloatCases()
    {
        var data = new TheoryData<string, int>();
        foreach (object[] implementation in KernelImplementations.All())
        {
            // Radices 2, 4, 3, 5 and a generic 7 (ncfft = fft_length / 2).
            foreach (int length in new[] { 4, 16, 64, 12, 90, 70, 512 }) data.Add((string)implementation[0], length);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatMatchesTheInverseDft(string implementation, int fftLength)
    {
        const int frames = 2;
        var random = new Random(fftLength);
        float[] bins = new float[frames * (fftLength + 2)];
        for (int i = 0; i < bins.Length; i++) bins[i] = (float)(random.NextDouble() * 2 - 1);
        using KernelRunner runner = Runner<float>(implementation, TensorType.Float32, fftLength, frames);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        runner.SetData(0, bins);
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] output = runner.Get<float>(1);
        for (int f = 0; f < frames; f++)
        {
            double[] frame = Array.ConvertAll(bins[(f * (fftLength + 2))..((f + 1) * (fftLength + 2))], v => (double)v);
            double[] expected = SignalDft.Inverse(frame, fftLength);
            for (int i = 0; i < fftLength; i++) Assert.True(Math.Abs(expected[i] - output[f * fftLength + i]) < 2e-6,
                "sample " + i + ": " + expected[i] + " vs " + output[f * fftLength + i]);
        }
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void Int16IsTheNormalisedInverseWithinFixedPointError(string implementation, int fftLength)
    {
        var random = new Random(fftLength + 1);
        short[] bins = new short[fftLength + 2];
        for (int i = 0; i < bins.Length; i++) bins[i] = (short)random.Next(-4000, 4000);
        using KernelRunner runner = Runner<short>(implementation, TensorType.Int16, fftLength, 1);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        runner.SetData(0, bins);
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] output = runner.Get<short>(1);
        double[] expected = SignalDft.Inverse(SignalDft.ToDouble(bins), fftLength);
        // Each stage rounds to 16 bits after dividing; the error stays within a few units per stage.
        int stages = (int)Math.Ceiling(Math.Log2(fftLength)) + 1;
        for (int i = 0; i < fftLength; i++) Assert.True(Math.Abs(expected[i] - output[i]) <= 2 * stages,
            "sample " + i + ": " + expected[i] + " vs " + output[i]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatRoundTripThroughRfftRestoresTheSignal(string implementation)
    {
        const int fftLength = 48;
        var random = new Random(3);
        float[] signal = new float[fftLength];
        for (int i = 0; i < fftLength; i++) signal[i] = (float)(random.NextDouble() * 2 - 1);
        using KernelRunner forward = new KernelRunner(Kernel(implementation, "SignalRfft"), new[]
        {
            Tensor(TensorType.Float32, new[] { fftLength }, signal),
            Tensor<float>(TensorType.Float32, new[] { fftLength + 2 }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", (int)TensorType.Float32), ("fft_length", fftLength)));
        Assert.Equal(Status.Ok, forward.InitAndPrepare());
        Assert.Equal(Status.Ok, forward.Invoke());
        using KernelRunner inverse = Runner<float>(implementation, TensorType.Float32, fftLength, 1);
        Assert.Equal(Status.Ok, inverse.InitAndPrepare());
        inverse.SetData(0, forward.Get<float>(1));
        Assert.Equal(Status.Ok, inverse.Invoke());
        float[] restored = inverse.Get<float>(1);
        for (int i = 0; i < fftLength; i++) Assert.Equal(signal[i], restored[i], 1e-5f);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsUnsupportedTypesAndMismatchedFrames(string implementation)
    {
        // INT8 has no kiss_fft build (INT32 has one: SignalFftInt32Tests).
        using (KernelRunner runner = Runner<sbyte>(implementation, TensorType.Int8, 16, 1))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("'T'", runner.Errors.MessageText);
        }
        using (KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalIrfft"), new[]
        {
            Tensor<short>(TensorType.Int16, new[] { 16 }, null),
            Tensor<short>(TensorType.Int16, new[] { 16 }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", (int)TensorType.Int16), ("fft_length", 16))))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("input tensor 0", runner.Errors.MessageText);
        }
        using (KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalIrfft"), new[]
        {
            Tensor<short>(TensorType.Int16, new[] { 18 }, null),
            Tensor<short>(TensorType.Int16, new[] { 15 }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", (int)TensorType.Int16), ("fft_length", 16))))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("output tensor 1", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner<short>(implementation, TensorType.Int16, 15, 1))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("fft_length", runner.Errors.MessageText);
        }
    }
}
