using System;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Cast;

/// <summary>
/// CAST. In-range values convert exactly (compared with C# conversions, which agree with C++ static_cast there);
/// integer narrowing wraps; out-of-range float conversions follow x86 (TFLM's golden platform).
/// </summary>
public class CastTests
{
    private static KernelRunner Runner(string implementation, TestTensor input, TestTensor output) =>
        new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CAST), new[] { input, output },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.CAST);

    private static T[] Run<T>(string implementation, TestTensor input, TensorType outputType) where T : unmanaged
    {
        using KernelRunner runner = Runner(implementation, input, new TestTensor(outputType, input.Shape));
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<T>(1);
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int16ToInt32AndFloatAsTheAudioPreprocessorUsesThem(string implementation)
    {
        short[] values = { short.MinValue, -1, 0, 1, 1234, short.MaxValue };
        TestTensor input = TestTensor.Int16(new[] { 6 }, values, 0f, 0);
        Assert.Equal(Array.ConvertAll(values, v => (int)v), Run<int>(implementation, input, TensorType.Int32));
        Assert.Equal(Array.ConvertAll(values, v => (float)v), Run<float>(implementation, input, TensorType.Float32));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int32AndUInt32ReinterpretAndNarrowByWrapping(string implementation)
    {
        int[] values = { int.MinValue, -129, -1, 0, 127, 128, 300, 65535, int.MaxValue };
        TestTensor input = TestTensor.Int32(new[] { values.Length }, values);
        Assert.Equal(Array.ConvertAll(values, v => unchecked((uint)v)), Run<uint>(implementation, input, TensorType.UInt32));
        Assert.Equal(Array.ConvertAll(values, v => unchecked((sbyte)v)), Run<sbyte>(implementation, input, TensorType.Int8));
        Assert.Equal(Array.ConvertAll(values, v => unchecked((short)v)), Run<short>(implementation, input, TensorType.Int16));
        Assert.Equal(Array.ConvertAll(values, v => (float)v), Run<float>(implementation, input, TensorType.Float32));

        uint[] unsigned = { 0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF };
        TestTensor unsignedInput = new TestTensor(TensorType.UInt32, new[] { 5 }, TfLiteModelBuilder.Bytes(unsigned));
        Assert.Equal(Array.ConvertAll(unsigned, v => unchecked((int)v)), Run<int>(implementation, unsignedInput, TensorType.Int32));
        // uint32 → float rounds the unsigned value (2^32 - 1 becomes 2^32).
        Assert.Equal(new[] { 0f, 1f, 2147483648f, 2147483648f, 4294967296f }, Run<float>(implementation, unsignedInput, TensorType.Float32));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatTruncatesTowardZero(string implementation)
    {
        float[] values = { -2.9f, -1.5f, -0.5f, 0f, 0.5f, 1.5f, 2.9f, 100.7f };
        TestTensor input = TestTensor.Float(new[] { values.Length }, values);
        Assert.Equal(new[] { -2, -1, 0, 0, 0, 1, 2, 100 }, Run<int>(implementation, input, TensorType.Int32));
        Assert.Equal(new sbyte[] { -2, -1, 0, 0, 0, 1, 2, 100 }, Run<sbyte>(implementation, input, TensorType.Int8));
        Assert.Equal(new short[] { -2, -1, 0, 0, 0, 1, 2, 100 }, Run<short>(implementation, input, TensorType.Int16));
        Assert.Equal(values, Run<float>(implementation, input, TensorType.Float32));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void FloatOutOfRangeFollowsX86(string implementation)
    {
        // cvttss2si: int32 overflow and NaN give 0x80000000; int8/int16 keep its low bits (0); uint32 goes
        // through int64, so -1 becomes 0xFFFFFFFF and 3e9 stays exact; 300 narrows to int8 by wrapping (44).
        float[] values = { 3e9f, -3e9f, float.NaN, 300f, -1f };
        TestTensor input = TestTensor.Float(new[] { values.Length }, values);
        Assert.Equal(new[] { int.MinValue, int.MinValue, int.MinValue, 300, -1 }, Run<int>(implementation, input, TensorType.Int32));
        Assert.Equal(new sbyte[] { 0, 0, 0, 44, -1 }, Run<sbyte>(implementation, input, TensorType.Int8));
        Assert.Equal(new uint[] { 3000000000u, unchecked((uint)-3000000000L), 0u, 300u, 0xFFFF_FFFFu }, Run<uint>(implementation, input, TensorType.UInt32));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void Int8AndBoolWiden(string implementation)
    {
        sbyte[] values = { -128, -1, 0, 1, 127 };
        TestTensor input = TestTensor.Int8(new[] { 5 }, values, 0f, 0);
        Assert.Equal(Array.ConvertAll(values, v => (int)v), Run<int>(implementation, input, TensorType.Int32));
        Assert.Equal(Array.ConvertAll(values, v => unchecked((uint)v)), Run<uint>(implementation, input, TensorType.UInt32));
        Assert.Equal(Array.ConvertAll(values, v => (float)v), Run<float>(implementation, input, TensorType.Float32));

        TestTensor bools = new TestTensor(TensorType.Bool, new[] { 3 }, new byte[] { 0, 1, 1 });
        Assert.Equal(new[] { 0f, 1f, 1f }, Run<float>(implementation, bools, TensorType.Float32));
        Assert.Equal(new[] { 0, 1, 1 }, Run<int>(implementation, bools, TensorType.Int32));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void RejectsUnsupportedTypesAndSizes(string implementation)
    {
        using (KernelRunner runner = Runner(implementation, TestTensor.Int64(new[] { 2 }, new long[2]), TestTensor.Int32(new[] { 2 }, null)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("type INT64 of input tensor 0 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int32(new[] { 2 }, new int[2]), new TestTensor(TensorType.Bool, new[] { 2 })))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("of output tensor 1 is not supported", runner.Errors.MessageText);
        }
        using (KernelRunner runner = Runner(implementation, TestTensor.Int32(new[] { 2 }, new int[2]), TestTensor.Int32(new[] { 3 }, null)))
        {
            Assert.NotEqual(Status.Ok, runner.InitAndPrepare());
            Assert.Contains("has 3 elements, input has 2", runner.Errors.MessageText);
        }
    }
}
