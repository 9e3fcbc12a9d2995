using System;
using System.Linq;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>
/// INT32 SignalRfft and SignalIrfft (kiss_fft's FIXED_POINT=32 build): TFLM's fft_test.cc cases bit-exactly
/// (impulse / flat spectrum at length 64, also with outer dimensions, and the 512-point random vectors), a
/// double-precision DFT within the Q31 rounding error for the powers of two 2..512 and for radices 3, 5 and the
/// generic butterfly, full-scale inputs, the round trip, and the type checks.
/// </summary>
public class SignalFftInt32Tests
{
    private static KernelRunner Runner(string implementation, string op, int fftLength, int[] inputShape, int[]? input, int[] outputShape,
        TensorType inputType = TensorType.Int32, TensorType outputType = TensorType.Int32, int optionType = (int)TensorType.Int32) =>
        new KernelRunner(Kernel(implementation, op), new[]
        {
            inputType == TensorType.Int16 ? Tensor<short>(inputType, inputShape, null) : Tensor(inputType, inputShape, input),
            outputType == TensorType.Int16 ? Tensor<short>(outputType, outputShape, null) : Tensor<int>(outputType, outputShape, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("T", optionType), ("fft_length", fftLength)), arenaBytes: 1 << 18);

    private static KernelRunner Rfft(string implementation, int fftLength, int[] inputShape, int[] input, int[] outputShape) =>
        Runner(implementation, "SignalRfft", fftLength, inputShape, input, outputShape);

    private static KernelRunner Irfft(string implementation, int fftLength, int[] inputShape, int[] input, int[] outputShape) =>
        Runner(implementation, "SignalIrfft", fftLength, inputShape, input, outputShape);

    private static int[] Run(KernelRunner runner)
    {
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<int>(1);
    }

    // ----- TFLM's own vectors (fft_test.cc, tolerance 0) -----

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RfftMatchesTflmLength512VectorBitExactly(string implementation)
    {
        Assert.Equal(512, SignalFftTestData.Int32RfftInput.Length);
        Assert.Equal(514, SignalFftTestData.Int32RfftGolden.Length);
        using KernelRunner runner = Rfft(implementation, 512, new[] { 1, 512 }, SignalFftTestData.Int32RfftInput, new[] { 1, 514 });
        Assert.Equal(SignalFftTestData.Int32RfftGolden, Run(runner));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void IrfftMatchesTflmLength512VectorBitExactly(string implementation)
    {
        Assert.Equal(514, SignalFftTestData.Int32IrfftInput.Length);
        Assert.Equal(512, SignalFftTestData.Int32IrfftGolden.Length);
        using KernelRunner runner = Irfft(implementation, 512, new[] { 1, 514 }, SignalFftTestData.Int32IrfftInput, new[] { 1, 512 });
        Assert.Equal(SignalFftTestData.Int32IrfftGolden, Run(runner));
    }

    /// <summary>RfftTestSize64Int32 and ...OuterDims4: an impulse of 16384 gives 16384 / 64 = 256 in every bin.</summary>
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RfftImpulseGivesAFlatSpectrumInEveryFrame(string implementation)
    {
        foreach (int[] outer in new[] { new[] { 1 }, new[] { 2, 2 } })
        {
            int frames = outer.Aggregate(1, (a, b) => a * b);
            int[] input = new int[frames * 64];
            int[] golden = new int[frames * 66];
            for (int f = 0; f < frames; f++)
            {
                input[f * 64] = 16384;
                for (int k = 0; k < 33; k++) golden[f * 66 + 2 * k] = 256;
            }
            using KernelRunner runner = Rfft(implementation, 64, outer.Append(64).ToArray(), input, outer.Append(66).ToArray());
            Assert.Equal(golden, Run(runner));
        }
    }

    /// <summary>IrfftTestLength64Int32 and ...OuterDims4: a flat spectrum of 256 gives an impulse of 256.</summary>
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void IrfftFlatSpectrumGivesAnImpulseInEveryFrame(string implementation)
    {
        foreach (int[] outer in new[] { new[] { 1 }, new[] { 2, 2 } })
        {
            int frames = outer.Aggregate(1, (a, b) => a * b);
            int[] input = new int[frames * 66];
            int[] golden = new int[frames * 64];
            for (int f = 0; f < frames; f++)
            {
                for (int k = 0; k < 33; k++) input[f * 66 + 2 * k] = 256;
                golden[f * 64] = 256;
            }
            using KernelRunner runner = Irfft(implementation, 64, outer.Append(66).ToArray(), input, outer.Append(64).ToArray());
            Assert.Equal(golden, Run(runner));
        }
    }

    // ----- against double-precision transforms -----

    public static TheoryData<int, int> Lengths()
    {
        var data = new TheoryData<int, int>();
        // Every power of two 2..512 (ncfft 1..256: radix 4 stages, a radix 2 stage for odd powers).
        for (int length = 2; length <= 512; length *= 2) data.Add(length, length);
        data.Add(512, 400);  // zero padding
        data.Add(24, 24);    // 12 = 4 * 3
        data.Add(40, 40);    // 20 = 4 * 5
        data.Add(480, 480);  // 240 = 4 * 4 * 3 * 5
        data.Add(56, 56);    // 28 = 4 * 7: generic radix 7
        data.Add(22, 22);    // 11: one generic stage
        return data;
    }

    private static int[] RandomSamples(int count, int seed, int magnitude)
    {
        var random = new Random(seed);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) values[i] = random.Next(-magnitude, magnitude);
        return values;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RfftIsTheDftScaledByOneOverTheLength(int fftLength, int frameLength)
    {
        const int frames = 2;
        int[] input = RandomSamples(frames * frameLength, fftLength + frameLength, 1 << 30);
        int bins = fftLength / 2 + 1;
        using KernelRunner runner = Rfft(KernelImplementations.Reference, fftLength, new[] { frames, frameLength }, input, new[] { frames, 2 * bins });
        int[] output = Run(runner);
        double tolerance = SignalDft.FixedPointTolerance(fftLength);
        double[] samples = SignalDft.ToDouble(input);
        for (int f = 0; f < frames; f++)
        {
            double[] expected = SignalDft.Forward(samples.AsSpan(f * frameLength, frameLength), fftLength);
            for (int i = 0; i < 2 * bins; i++)
                Assert.InRange(output[f * 2 * bins + i], expected[i] / fftLength - tolerance, expected[i] / fftLength + tolerance);
        }
    }

    public static TheoryData<int> InverseLengths()
    {
        var data = new TheoryData<int>();
        foreach (object[] row in Lengths()) if ((int)row[0] == (int)row[1]) data.Add((int)row[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(InverseLengths))]
    public void IrfftIsTheNormalisedInverseDft(int fftLength)
    {
        int bins = fftLength / 2 + 1;
        int[] input = RandomSamples(2 * bins, fftLength * 7, 1 << 29);
        using KernelRunner runner = Irfft(KernelImplementations.Reference, fftLength, new[] { 2 * bins }, input, new[] { fftLength });
        int[] output = Run(runner);
        double tolerance = 2 * SignalDft.FixedPointTolerance(fftLength);
        double[] expected = SignalDft.Inverse(SignalDft.ToDouble(input), fftLength);
        for (int n = 0; n < fftLength; n++) Assert.InRange(output[n], expected[n] - tolerance, expected[n] + tolerance);
    }

    /// <summary>
    /// Full-scale samples: the division before every butterfly keeps the 32-bit sums from wrapping. kiss_fft divides
    /// by multiplying with floor((2^31 - 1) / radix) / 2^31, a relative shortfall of about 2^-29 per stage: some
    /// 14 units at full scale for this length, on top of the rounding.
    /// </summary>
    [Theory]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(int.MinValue, int.MinValue)]
    [InlineData(int.MaxValue, int.MinValue)]
    public void RfftHandlesFullScaleInput(int even, int odd)
    {
        const int fftLength = 256;
        int[] input = new int[fftLength];
        for (int i = 0; i < fftLength; i++) input[i] = i % 2 == 0 ? even : odd;
        using KernelRunner runner = Rfft(KernelImplementations.Reference, fftLength, new[] { fftLength }, input, new[] { fftLength + 2 });
        int[] output = Run(runner);
        // Only bin 0 (the mean) and bin fft_length / 2 (half the difference of the two phases) are non-zero.
        int stages = SignalDft.Stages(fftLength);
        double[] expected = new double[fftLength + 2];
        expected[0] = ((double)even + odd) / 2;
        expected[fftLength] = ((double)even - odd) / 2;
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = SignalDft.FixedPointTolerance(fftLength) + Math.Abs(expected[i]) * (stages + 1) * Math.Pow(2, -29);
            Assert.InRange(output[i], expected[i] - tolerance, expected[i] + tolerance);
        }
    }

    /// <summary>The fixed-point forward divides by fft_length and the inverse is normalised: the round trip gives x / fft_length.</summary>
    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RoundTripThroughRfftAndIrfftGivesTheSignalOverTheLength(string implementation)
    {
        foreach (int fftLength in new[] { 2, 8, 64, 120, 512 })
        {
            int[] signal = RandomSamples(fftLength, fftLength, int.MaxValue);
            using KernelRunner forward = Rfft(implementation, fftLength, new[] { fftLength }, signal, new[] { fftLength + 2 });
            int[] spectrum = Run(forward);
            using KernelRunner inverse = Irfft(implementation, fftLength, new[] { fftLength + 2 }, spectrum, new[] { fftLength });
            int[] restored = Run(inverse);
            double tolerance = 3 * SignalDft.FixedPointTolerance(fftLength);
            for (int i = 0; i < fftLength; i++)
                Assert.InRange(restored[i], (double)signal[i] / fftLength - tolerance, (double)signal[i] / fftLength + tolerance);
        }
    }

    // ----- types -----

    [Theory]
    [InlineData("SignalRfft")]
    [InlineData("SignalIrfft")]
    public void MismatchedTensorTypesAreRejected(string op)
    {
        bool forward = op == "SignalRfft";
        int[] inputShape = { forward ? 16 : 18 };
        int[] outputShape = { forward ? 18 : 16 };
        // Option INT32 with an INT16 input, with an INT16 output, and option INT16 with INT32 tensors.
        (TensorType Input, TensorType Output, int Option, string Tensor)[] cases =
        {
            (TensorType.Int16, TensorType.Int32, (int)TensorType.Int32, "input tensor 0"),
            (TensorType.Int32, TensorType.Int16, (int)TensorType.Int32, "output tensor 1"),
            (TensorType.Int32, TensorType.Int32, (int)TensorType.Int16, "input tensor 0"),
        };
        foreach (var c in cases)
        {
            using KernelRunner runner = Runner(KernelImplementations.Reference, op, 16, inputShape, new int[inputShape[0]], outputShape, c.Input, c.Output, c.Option);
            Assert.Equal(Status.Error, runner.InitAndPrepare());
            Assert.Contains(c.Tensor, runner.Errors.MessageText);
        }
    }

    [Theory]
    [InlineData("SignalRfft", 9)]        // INT8
    [InlineData("SignalIrfft", 9)]
    [InlineData("SignalRfft", 4)]        // INT64
    [InlineData("SignalIrfft", 256 + 2)] // would wrap to INT32 if narrowed before the check
    public void UnsupportedTypeOptionsAreRejected(string op, int type)
    {
        bool forward = op == "SignalRfft";
        using KernelRunner runner = Runner(KernelImplementations.Reference, op, 16, new[] { forward ? 16 : 18 }, new int[forward ? 16 : 18],
            new[] { forward ? 18 : 16 }, optionType: type);
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("option 'T' = " + type, runner.Errors.MessageText);
    }
}
