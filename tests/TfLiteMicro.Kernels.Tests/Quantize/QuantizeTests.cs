using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Quantize;

/// <summary>QUANTIZE and DEQUANTIZE (float ↔ int, and requantization between integer types).</summary>
public class QuantizeTests
{
    private static KernelRunner Runner(string implementation, BuiltinOperator op, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, op), new[] { input, output }, new[] { 0 }, new[] { 1 }, op);

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatToInt8RoundsHalfAwayFromZeroAndClamps(string implementation)
    {
        float[] input = { -64f, -0.75f, -0.25f, 0f, 0.25f, 0.75f, 1.25f, 63.5f, 100f };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Float(new[] { 9 }, input), TestTensor.Int8(new[] { 9 }, null, 0.5f, -1));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        // x / 0.5 rounded half away from zero, minus 1, clamped to [-128, 127].
        Assert.Equal(new sbyte[] { -128, -3, -2, -1, 0, 1, 2, 126, 127 }, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatToInt16(string implementation)
    {
        float[] input = { -2f, -1e-4f, 0f, 0.5f, 2f };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Float(new[] { 5 }, input), TestTensor.Int16(new[] { 5 }, null, 1f / 16384, 0));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new short[] { -32768, -2, 0, 8192, 32767 }, runner.Get<short>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RequantizeInt8ToInt8(string implementation)
    {
        // Input scale 1 zp 0 → output scale 2 zp 5: y = x / 2 + 5, halves rounded upwards by the doubling high multiply.
        sbyte[] input = { -128, -3, -1, 0, 1, 3, 127 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Int8(new[] { 7 }, input, 1f, 0), TestTensor.Int8(new[] { 7 }, null, 2f, 5));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new sbyte[] { -59, 4, 5, 5, 6, 7, 69 }, runner.Get<sbyte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RequantizeInt16ToInt32AndBack(string implementation)
    {
        short[] input = { -32768, -1, 0, 1, 32767 };
        using (KernelRunner widen = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Int16(new[] { 5 }, input, 0.5f, 0), TestTensor.Int32(new[] { 5 }, null, 0.125f, 0)))
        {
            Assert.Equal(Status.Ok, widen.InitAndPrepare());
            Assert.Equal(Status.Ok, widen.Invoke());
            Assert.Equal(new[] { -131072, -4, 0, 4, 131068 }, widen.Get<int>(1));
        }
        using (KernelRunner narrow = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Int32(new[] { 5 }, new[] { -1000000, -4, 0, 4, 1000000 }, 0.125f, 0), TestTensor.Int16(new[] { 5 }, null, 0.5f, 0)))
        {
            Assert.Equal(Status.Ok, narrow.InitAndPrepare());
            Assert.Equal(Status.Ok, narrow.Invoke());
            Assert.Equal(new short[] { -32768, -1, 0, 1, 32767 }, narrow.Get<short>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8ToUInt8WithSameScaleFlipsTheSignBit(string implementation)
    {
        sbyte[] input = { -128, -1, 0, 1, 127 };
        using KernelRunner runner = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Int8(new[] { 5 }, input, 0.1f, -3),
            new TestTensor(TensorType.UInt8, new[] { 5 }, null, new[] { 0.1f }, new long[] { 125 }));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(new byte[] { 0, 127, 128, 129, 255 }, runner.Get<byte>(1));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DequantizeInt8AndInt16(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.DEQUANTIZE,
            TestTensor.Int8(new[] { 4 }, new sbyte[] { -128, -1, 0, 127 }, 0.5f, -1), TestTensor.Float(new[] { 4 })))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { -63.5f, 0f, 0.5f, 64f }, runner.Get<float>(1));
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.DEQUANTIZE,
            TestTensor.Int16(new[] { 3 }, new short[] { -32768, 0, 32767 }, 1f / 32768, 0), TestTensor.Float(new[] { 3 })))
        {
            Assert.Equal(Status.Ok, runner.InitAndPrepare());
            Assert.Equal(Status.Ok, runner.Invoke());
            Assert.Equal(new[] { -1f, 0f, 32767f / 32768 }, runner.Get<float>(1));
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void UnsupportedCombinationsAreRejected(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.QUANTIZE,
            TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
        }
        using (KernelRunner runner = Runner(implementation, BuiltinOperator.DEQUANTIZE,
            TestTensor.Float(new[] { 4 }), TestTensor.Float(new[] { 4 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("FLOAT32", runner.Errors.MessageText);
        }
    }
}
