using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalEnergy: the shared TFLM trace plus hand-computed values.</summary>
public class SignalEnergyTests
{
    private static KernelRunner Runner(string implementation, short[] spectrum, int outputLength, int start, int end) =>
        new KernelRunner(Kernel(implementation, "SignalEnergy"), new[]
        {
            Tensor(TensorType.Int16, new[] { spectrum.Length }, spectrum),
            Tensor<uint>(TensorType.UInt32, new[] { outputLength }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("end_index", end), ("start_index", start)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTraceInsideTheRange(string implementation)
    {
        short[] spectrum = Trace<short>(Int8Preprocessor, "op003_SignalRfft_out0.npy");
        uint[] expected = Trace<uint>(Int8Preprocessor, "op004_SignalEnergy_out0.npy");
        using KernelRunner runner = Runner(implementation, spectrum, 257, 5, 241);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        uint[] output = runner.Get<uint>(1);
        // TFLM leaves bins outside [start, end) unwritten; the model discards them.
        Assert.Equal(expected[5..241], output[5..241]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void SumsSquaresAndWrapsLikeInt32(string implementation)
    {
        short[] spectrum = { 3, 4, -32768, -32768, 100, -7, 9, 9 };
        using KernelRunner runner = Runner(implementation, spectrum, 4, 0, 3);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // 2 * 2^30 overflows int32 and is stored as 2^31; bin 3 is outside the range and stays 0.
        Assert.Equal(new uint[] { 25, 2147483648u, 10049, 0 }, runner.Get<uint>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RangeOutsideTheTensorsIsRejected(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new short[8], 4, 1, 5);
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("end_index 5", runner.Errors.MessageText);
    }
}
