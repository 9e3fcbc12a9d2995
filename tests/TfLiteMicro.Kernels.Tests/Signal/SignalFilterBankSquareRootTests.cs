using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalFilterBankSquareRoot: the shared TFLM trace plus hand-computed roots.</summary>
public class SignalFilterBankSquareRootTests
{
    private static uint[] Run(string implementation, ulong[] input, int scaleBits)
    {
        using KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalFilterBankSquareRoot"), new[]
        {
            Tensor(TensorType.UInt64, new[] { input.Length }, input),
            Tensor(TensorType.Int32, new int[0], new[] { scaleBits }),
            Tensor<uint>(TensorType.UInt32, new[] { input.Length }, null),
        }, new[] { 0, 1 }, new[] { 2 }, customOptions: Options());
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<uint>(2);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTrace(string implementation)
    {
        ulong[] input = Trace<ulong>(Int8Preprocessor, "op009_SignalFilterBank_out0.npy");
        int scale = Trace<int>(Int8Preprocessor, "op002_SignalFftAutoScale_out1.npy")[0];
        Assert.Equal(Trace<uint>(Int8Preprocessor, "op010_SignalFilterBankSquareRoot_out0.npy"), Run(implementation, input, scale));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RoundsToNearestAndShifts(string implementation)
    {
        // sqrt(2) = 1.41 -> 1; sqrt(3) = 1.73 -> 2; sqrt(2^40) = 2^20; sqrt(2^64 - 1) saturates at 2^32 - 1.
        ulong[] input = { 0, 2, 3, 16, 1UL << 40, ulong.MaxValue, 4294967295 };
        Assert.Equal(new uint[] { 0, 1, 2, 4, 1u << 20, uint.MaxValue, 65535 }, Run(implementation, input, 0));
        Assert.Equal(new uint[] { 0, 0, 1, 2, 1u << 19, uint.MaxValue >> 1, 32767 }, Run(implementation, input, 1));
    }
}
