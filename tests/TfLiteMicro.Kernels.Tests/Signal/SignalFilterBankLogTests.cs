using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalFilterBankLog: the shared TFLM trace and values derived from ln().</summary>
public class SignalFilterBankLogTests
{
    private static short[] Run(string implementation, uint[] input, int correctionBits, int outputScale)
    {
        using KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalFilterBankLog"), new[]
        {
            Tensor(TensorType.UInt32, new[] { input.Length }, input),
            Tensor<short>(TensorType.Int16, new[] { input.Length }, null),
        }, new[] { 0 }, new[] { 1 }, customOptions: Options(("input_correction_bits", correctionBits), ("output_scale", outputScale)));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<short>(1);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTrace(string implementation)
    {
        uint[] input = Trace<uint>(Int8Preprocessor, "op012_SignalPCAN_out0.npy");
        Assert.Equal(Trace<short>(Int8Preprocessor, "op013_SignalFilterBankLog_out0.npy"), Run(implementation, input, 3, 64));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ApproximatesScaledNaturalLog(string implementation)
    {
        uint[] input = { 0, 1, 2, 1000, 123456, 4000000000 };
        short[] output = Run(implementation, input, 0, 1 << 10);
        Assert.Equal(0, output[0]);
        Assert.Equal(0, output[1]);
        for (int i = 2; i < input.Length; i++)
        {
            double expected = System.Math.Log(input[i]) * 1024;
            Assert.InRange(output[i], expected - 2, expected + 2);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void LargeLogsSaturateAt32767(string implementation)
    {
        // ln(2^31) * 2^11 = 44000 > 32767.
        Assert.Equal(new short[] { 32767 }, Run(implementation, new uint[] { 1u << 31 }, 0, 1 << 11));
    }
}
