using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalWindow; vectors from TFLM's signal/micro/kernels/window_test.cc.</summary>
public class SignalWindowTests
{
    private static readonly short[] Ramp = { 0x000, 0x100, 0x200, 0x300, 0x400, 0x500, 0x600, 0x700, 0x800, 0x900, 0xA00, 0xB00, 0xC00, 0xD00, 0xE00, 0xF00 };
    private static readonly short[] ReverseRamp = { 0xF00, 0xE00, 0xD00, 0xC00, 0xB00, 0xA00, 0x900, 0x800, 0x700, 0x600, 0x500, 0x400, 0x300, 0x200, 0x100, 0x000 };
    private static readonly short[] RampGolden = { 0, 224, 416, 576, 704, 800, 864, 896, 896, 864, 800, 704, 576, 416, 224, 0 };

    private static KernelRunner Runner(string implementation, int[] shape, short[] input, short[] window, int shift) =>
        new KernelRunner(Kernel(implementation, "SignalWindow"), new[]
        {
            Tensor(TensorType.Int16, shape, input),
            Tensor(TensorType.Int16, new[] { window.Length }, window, isConstant: true),
            Tensor<short>(TensorType.Int16, shape, null),
        }, new[] { 0, 1 }, new[] { 2 }, customOptions: Options(("shift", shift)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Length16Shift12(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { 16 }, Ramp, ReverseRamp, 12);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(RampGolden, runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Length32Shift8Saturates(string implementation)
    {
        short[] input = { 1221, 1920, 9531, 2795, 1826, 371, 8446, 850, 3129, 8218, 4199, 8358, 205, 5268, 3263, 2849, 8398, 1381, 6305, 668, 8867, 4651, 9121, 6141, 1961, 3750, 8418, 8085, 3308, 1788, 1608, 4761 };
        short[] window = { 1323, 764, 9100, 4220, 1745, 9311, 178, 9442, 5676, 1817, 5433, 5837, 7635, 4539, 6548, 9690, 6097, 4275, 1523, 3694, 7506, 2797, 5153, 172, 2172, 4540, 6643, 7845, 1719, 7564, 1700, 5227 };
        short[] golden = { 6310, 5730, 32767, 32767, 12446, 13493, 5872, 31350, 32767, 32767, 32767, 32767, 6113, 32767, 32767, 32767, 32767, 23061, 32767, 9639, 32767, 32767, 32767, 4125, 16637, 32767, 32767, 32767, 22212, 32767, 10678, 32767 };
        using KernelRunner runner = Runner(implementation, new[] { 32 }, input, window, 8);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(golden, runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void OuterDimensionsRepeatTheWindow(string implementation)
    {
        short[] input = new short[4 * 16];
        short[] golden = new short[4 * 16];
        for (int frame = 0; frame < 4; frame++)
        {
            Ramp.CopyTo(input, frame * 16);
            RampGolden.CopyTo(golden, frame * 16);
        }
        using KernelRunner runner = Runner(implementation, new[] { 2, 2, 16 }, input, ReverseRamp, 12);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(golden, runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void NegativeProductsSaturateLow(string implementation)
    {
        // (-32768 * 32767) >> 0 is far below int16; (-3 * 5) >> 1 = -8 (arithmetic shift rounds down).
        using KernelRunner runner = Runner(implementation, new[] { 2 }, new short[] { -32768, -3 }, new short[] { 32767, 5 }, 1);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { -32768, -8 }, runner.Get<short>(2));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void InputNotAMultipleOfTheWindowIsRejected(string implementation)
    {
        using KernelRunner runner = Runner(implementation, new[] { 20 }, new short[20], ReverseRamp, 12);
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("multiple of the window length 16", runner.Errors.MessageText);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MissingOrBrokenOptionsAreReported(string implementation)
    {
        using KernelRunner missing = new KernelRunner(Kernel(implementation, "SignalWindow"), new[]
        {
            Tensor(TensorType.Int16, new[] { 16 }, Ramp), Tensor(TensorType.Int16, new[] { 16 }, ReverseRamp, true),
            Tensor<short>(TensorType.Int16, new[] { 16 }, null),
        }, new[] { 0, 1 }, new[] { 2 }, customOptions: Options(("other", 1)));
        Assert.Equal(Status.MalformedModel, missing.InitAndPrepare());
        Assert.Contains("'shift' not found", missing.Errors.MessageText);

        using KernelRunner truncated = new KernelRunner(Kernel(implementation, "SignalWindow"), new[]
        {
            Tensor(TensorType.Int16, new[] { 16 }, Ramp), Tensor(TensorType.Int16, new[] { 16 }, ReverseRamp, true),
            Tensor<short>(TensorType.Int16, new[] { 16 }, null),
        }, new[] { 0, 1 }, new[] { 2 }, customOptions: new byte[] { 0x24, 1 });
        Assert.Equal(Status.MalformedModel, truncated.InitAndPrepare());
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void WrongTypeIsRejected(string implementation)
    {
        using KernelRunner runner = new KernelRunner(Kernel(implementation, "SignalWindow"), new[]
        {
            TestTensor.Float(new[] { 16 }, new float[16]), Tensor(TensorType.Int16, new[] { 16 }, ReverseRamp, true),
            Tensor<short>(TensorType.Int16, new[] { 16 }, null),
        }, new[] { 0, 1 }, new[] { 2 }, customOptions: Options(("shift", 12)));
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("FLOAT32", runner.Errors.MessageText);
    }
}
