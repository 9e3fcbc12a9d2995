using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalFilterBankSpectralSubtraction: the shared TFLM trace, state across invocations, and Reset.</summary>
public class SignalFilterBankSpectralSubtractionTests
{
    // The options of the shared micro_speech_audio_preprocessor models.
    private static byte[] ModelOptions(int numChannels, bool clamping = false) => Options(
        ("alternate_one_minus_smoothing", 15401), ("alternate_smoothing", 983), ("clamping", clamping ? 1 : 0),
        ("min_signal_remaining", 819), ("num_channels", numChannels), ("one_minus_smoothing", 15975), ("smoothing", 409),
        ("smoothing_bits", 10), ("spectral_subtraction_bits", 14));

    private static KernelRunner Runner(string implementation, uint[] input, byte[] options) =>
        new KernelRunner(Kernel(implementation, "SignalFilterBankSpectralSubtraction"), new[]
        {
            Tensor(TensorType.UInt32, new[] { input.Length }, input),
            Tensor<uint>(TensorType.UInt32, new[] { input.Length }, null),
            Tensor<uint>(TensorType.UInt32, new[] { input.Length }, null),
        }, new[] { 0 }, new[] { 1, 2 }, customOptions: options);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FirstInvocationMatchesTflmTrace(string implementation)
    {
        uint[] input = Trace<uint>(Int8Preprocessor, "op010_SignalFilterBankSquareRoot_out0.npy");
        using KernelRunner runner = Runner(implementation, input, ModelOptions(40));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Trace<uint>(Int8Preprocessor, "op011_SignalFilterBankSpectralSubtraction_out0.npy"), runner.Get<uint>(1));
        Assert.Equal(Trace<uint>(Int8Preprocessor, "op011_SignalFilterBankSpectralSubtraction_out1.npy"), runner.Get<uint>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void NoiseEstimatePersistsUntilReset(string implementation)
    {
        uint[] input = { 1000, 2000, 3000, 4000 };
        using KernelRunner runner = Runner(implementation, input, ModelOptions(4));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        uint[] firstOutput = runner.Get<uint>(1);
        uint[] firstNoise = runner.Get<uint>(2);
        // Hand-derived channel 0: noise = ((1000 << 10) * 409) >> 14 = 25562; output = (1024000 - 25562) >> 10 = 975.
        Assert.Equal(25562u, firstNoise[0]);
        Assert.Equal(975u, firstOutput[0]);

        Assert.Equal(Status.Ok, runner.Invoke());
        uint[] secondNoise = runner.Get<uint>(2);
        // Second step: (1024000 * 409 + 25562 * 15975) >> 14 = 827168950 >> 14 = 50486.
        Assert.Equal(50486u, secondNoise[0]);

        runner.Reset();
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(firstNoise, runner.Get<uint>(2));
        Assert.Equal(firstOutput, runner.Get<uint>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ClampingPullsTheEstimateDownToTheSignal(string implementation)
    {
        uint[] loud = { 50000 };
        uint[] quiet = { 10 };
        using KernelRunner runner = Runner(implementation, loud, ModelOptions(1, clamping: true));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        for (int i = 0; i < 50; i++) Assert.Equal(Status.Ok, runner.Invoke());
        runner.SetData(0, quiet);
        Assert.Equal(Status.Ok, runner.Invoke());
        // The estimate exceeds the scaled-up signal (10 << 10), so it is clamped to it; the output falls back to
        // the floor 10 * 819 >> 14 = 0.
        Assert.Equal(new uint[] { 10u << 10 }, runner.Get<uint>(2));
        Assert.Equal(new uint[] { 0 }, runner.Get<uint>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ChannelCountMismatchIsRejected(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new uint[4], ModelOptions(5));
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("expected 5", runner.Errors.MessageText);
    }
}
