using System;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// SignalRfft (int16): bit-exact against the shared TFLM trace (fft_length 512, radix-4 stages), and against a
/// double-precision DFT within the fixed-point error for lengths that exercise radix 2, 3, 5 and the generic
/// butterfly.
/// </summary>
public class SignalRfftTests
{
    private static KernelRunner Runner(string implementation, int fftLength, int[] inputShape, short[] input, int[] outputShape, int type = 7) =>
        new KernelRunner(Kernel(implementation, "SignalRfft"), new[]
        {
            Tensor(TensorType.Int16, inputShape, input),
            Tensor<short>(TensorType.Int16, outputShape, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", type), ("fft_length", fftLength)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTraceBitExactly(string implementation)
    {
        short[] input = Trace<short>(Int8Preprocessor, "op002_SignalFftAutoScale_out0.npy");
        using KernelRunner runner = Runner(implementation, 512, new[] { 480 }, input, new[] { 514 });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Trace<short>(Int8Preprocessor, "op003_SignalRfft_out0.npy"), runner.Get<short>(1));
    }

    [Theory]
    [InlineData(512, 480)]   // 256 = 4^4
    [InlineData(256, 256)]   // 128 = 4^3 * 2: radix 2
    [InlineData(480, 400)]   // 240 = 4 * 4 * 3 * 5: radix 3 and 5
    [InlineData(56, 56)]     // 28 = 4 * 7: generic radix 7
    [InlineData(22, 20)]     // 11: one generic stage
    [InlineData(2, 2)]       // 1: degenerate single-point transform
    public void AgreesWithADoublePrecisionDft(int fftLength, int frameLength)
    {
        var random = new Random(fftLength);
        short[] input = new short[2 * frameLength];
        for (int i = 0; i < input.Length; i++) input[i] = (short)random.Next(-20000, 20000);
        int bins = fftLength / 2 + 1;
        using KernelRunner runner = Runner(KernelImplementations.Reference, fftLength, new[] { 2, frameLength }, input, new[] { 2, 2 * bins });
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        short[] output = runner.Get<short>(1);

        // kiss_fft's fixed-point FFT divides by the length at every stage: bin k = DFT(x)[k] / fft_length.
        int stages = 0;
        for (int n = fftLength / 2; n > 1; n /= SmallestFactor(n)) stages++;
        double tolerance = 2.0 + 1.5 * stages;
        for (int frame = 0; frame < 2; frame++)
        {
            for (int k = 0; k < bins; k++)
            {
                double re = 0, im = 0;
                for (int t = 0; t < frameLength; t++)
                {
                    double angle = -2 * Math.PI * k * t / fftLength;
                    re += input[frame * frameLength + t] * Math.Cos(angle);
                    im += input[frame * frameLength + t] * Math.Sin(angle);
                }
                Assert.InRange(output[frame * 2 * bins + 2 * k], re / fftLength - tolerance, re / fftLength + tolerance);
                Assert.InRange(output[frame * 2 * bins + 2 * k + 1], im / fftLength - tolerance, im / fftLength + tolerance);
            }
        }
    }

    [Theory]
    [InlineData(512, 480)]
    [InlineData(480, 400)]
    [InlineData(56, 56)]
    [InlineData(22, 20)]
    public void FloatAgreesWithADoublePrecisionDft(int fftLength, int frameLength)
    {
        var random = new Random(fftLength);
        float[] input = new float[frameLength];
        for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 2 - 1);
        int bins = fftLength / 2 + 1;
        using KernelRunner runner = new KernelRunner(Kernel(KernelImplementations.Reference, "SignalRfft"), new[]
        {
            TestTensor.Float(new[] { frameLength }, input),
            TestTensor.Float(new[] { 2 * bins }),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", 0), ("fft_length", fftLength)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] output = runner.Get<float>(1);
        // The float build does not scale: bin k is the plain DFT.
        for (int k = 0; k < bins; k++)
        {
            double re = 0, im = 0;
            for (int t = 0; t < frameLength; t++)
            {
                double angle = -2 * Math.PI * k * t / fftLength;
                re += input[t] * Math.Cos(angle);
                im += input[t] * Math.Sin(angle);
            }
            Assert.InRange(output[2 * k], re - 1e-4, re + 1e-4);
            Assert.InRange(output[2 * k + 1], im - 1e-4, im + 1e-4);
        }
    }

    private static int SmallestFactor(int n)
    {
        if (n % 4 == 0) return 4;
        for (int p = 2; p <= n; p++) if (n % p == 0) return p;
        return n;
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void UnsupportedTypeAndBadLengthsAreReported(string implementation)
    {
        using (KernelRunner int32Type = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 10 }, type: 2))
        {
            Assert.Equal(Status.Error, int32Type.InitAndPrepare());
            Assert.Contains("INT32", int32Type.Errors.Message.ToString());
        }
        using (KernelRunner wrapsToInt16 = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 10 }, type: 256 + 7))
        {
            Assert.Equal(Status.Error, wrapsToInt16.InitAndPrepare());
        }
        using (KernelRunner odd = Runner(implementation, 7, new[] { 7 }, new short[7], new[] { 8 }))
        {
            Assert.Equal(Status.Error, odd.InitAndPrepare());
            Assert.Contains("fft_length", odd.Errors.Message.ToString());
        }
        using (KernelRunner longFrame = Runner(implementation, 8, new[] { 9 }, new short[9], new[] { 10 }))
        {
            Assert.Equal(Status.Error, longFrame.InitAndPrepare());
            Assert.Contains("frame length 9", longFrame.Errors.Message.ToString());
        }
        using (KernelRunner wrongOutput = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 8 }))
        {
            Assert.Equal(Status.Error, wrongOutput.InitAndPrepare());
            Assert.Contains("10 values", wrongOutput.Errors.Message.ToString());
        }
    }
}
