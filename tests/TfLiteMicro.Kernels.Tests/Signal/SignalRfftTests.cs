using System;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// SignalRfft (int16; INT32 is in SignalFftInt32Tests): bit-exact against the shared TFLM trace (fft_length 512, radix-4 stages), and against a
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
        double tolerance = SignalDft.FixedPointTolerance(fftLength);
        double[] samples = SignalDft.ToDouble(input);
        for (int frame = 0; frame < 2; frame++)
        {
            double[] expected = SignalDft.Forward(samples.AsSpan(frame * frameLength, frameLength), fftLength);
            for (int i = 0; i < 2 * bins; i++)
                Assert.InRange(output[frame * 2 * bins + i], expected[i] / fftLength - tolerance, expected[i] / fftLength + tolerance);
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
        double[] expected = SignalDft.Forward(SignalDft.ToDouble(input), fftLength);
        for (int i = 0; i < 2 * bins; i++) Assert.InRange(output[i], expected[i] - 1e-4, expected[i] + 1e-4);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void UnsupportedTypeAndBadLengthsAreReported(string implementation)
    {
        using (KernelRunner int8Type = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 10 }, type: 9))
        {
            Assert.Equal(Status.Error, int8Type.InitAndPrepare());
            Assert.Contains("option 'T' = 9 (INT8)", int8Type.Errors.MessageText);
        }
        // 'T' = INT32 is supported, but these tensors are INT16.
        using (KernelRunner int32Type = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 10 }, type: 2))
        {
            Assert.Equal(Status.Error, int32Type.InitAndPrepare());
            Assert.Contains("input tensor 0 has type INT16, expected INT32", int32Type.Errors.MessageText);
        }
        using (KernelRunner wrapsToInt16 = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 10 }, type: 256 + 7))
        {
            Assert.Equal(Status.Error, wrapsToInt16.InitAndPrepare());
        }
        using (KernelRunner odd = Runner(implementation, 7, new[] { 7 }, new short[7], new[] { 8 }))
        {
            Assert.Equal(Status.Error, odd.InitAndPrepare());
            Assert.Contains("fft_length", odd.Errors.MessageText);
        }
        using (KernelRunner longFrame = Runner(implementation, 8, new[] { 9 }, new short[9], new[] { 10 }))
        {
            Assert.Equal(Status.Error, longFrame.InitAndPrepare());
            Assert.Contains("frame length 9", longFrame.Errors.MessageText);
        }
        using (KernelRunner wrongOutput = Runner(implementation, 8, new[] { 8 }, new short[8], new[] { 8 }))
        {
            Assert.Equal(Status.Error, wrongOutput.InitAndPrepare());
            Assert.Contains("10 values", wrongOutput.Errors.MessageText);
        }
    }
}
