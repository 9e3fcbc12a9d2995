using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalFftAutoScale: the shared TFLM trace plus hand-derived edge cases.</summary>
public class SignalFftAutoScaleTests
{
    private static KernelRunner Runner(string implementation, short[] input) =>
        new KernelRunner(Kernel(implementation, "SignalFftAutoScale"), new[]
        {
            Tensor(TensorType.Int16, new[] { input.Length }, input),
            Tensor<short>(TensorType.Int16, new[] { input.Length }, null),
            Tensor<int>(TensorType.Int32, new int[0], null),
        }, new[] { 0 }, new[] { 1, 2 }, customOptions: Options());

    private static (short[] Output, int Scale) Run(string implementation, short[] input)
    {
        using KernelRunner runner = Runner(implementation, input);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return (runner.Get<short>(1), runner.Get<int>(2)[0]);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTrace(string implementation)
    {
        short[] input = Trace<short>(Int8Preprocessor, "op001_RESHAPE_out0.npy");
        var (output, scale) = Run(implementation, input);
        Assert.Equal(Trace<short>(Int8Preprocessor, "op002_SignalFftAutoScale_out0.npy"), output);
        Assert.Equal(Trace<int>(Int8Preprocessor, "op002_SignalFftAutoScale_out1.npy")[0], scale);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ScalesTheLargestMagnitudeToFifteenBits(string implementation)
    {
        // max |x| = 3 needs 2 bits: shift by 16 - 2 - 1 = 13.
        var (output, scale) = Run(implementation, new short[] { 1, -2, 3, 0 });
        Assert.Equal(13, scale);
        Assert.Equal(new short[] { 8192, -16384, 24576, 0 }, output);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ZeroInputAndMinus32768GiveNoShift(string implementation)
    {
        var (zeros, zeroScale) = Run(implementation, new short[] { 0, 0, 0 });
        Assert.Equal(0, zeroScale);
        Assert.Equal(new short[] { 0, 0, 0 }, zeros);
        // -32768 is its own negation in 16 bits; TFLM's MSB of the sign-extended value is 32, so no shift.
        var (extreme, extremeScale) = Run(implementation, new short[] { 5, -32768 });
        Assert.Equal(0, extremeScale);
        Assert.Equal(new short[] { 5, -32768 }, extreme);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OutputSizeMustMatch(string implementation)
    {
        using KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalFftAutoScale"), new[]
        {
            Tensor(TensorType.Int16, new[] { 4 }, new short[4]),
            Tensor<short>(TensorType.Int16, new[] { 5 }, null),
            Tensor<int>(TensorType.Int32, new int[0], null),
        }, new[] { 0 }, new[] { 1, 2 }, customOptions: Options());
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("expected 4", runner.Errors.MessageText);
    }
}
