using System;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Kernels.Tests.Dequantize;

/// <summary>
/// FLOAT16 (TFLite's reference: dequantize.cc widens Eigen::half, cast.cc uses the FP16 library; TFLM has no float16).
/// Every one of the 65 536 half values is checked against an independent decoding written here from the IEEE-754
/// definition (sign × 2^(e−15) × 1.m, subnormals m × 2^−24, evaluated in double, which holds each exactly) and against
/// .NET's <see cref="Half"/>; float → half is checked against .NET's correctly rounded conversion.
/// </summary>
public class Float16Tests
{
    /// <summary>The value of a non-NaN half, from the format's definition.</summary>
    private static double Decode(ushort half)
    {
        int sign = half >> 15, exponent = (half >> 10) & 0x1F, mantissa = half & 0x3FF;
        double magnitude = exponent == 0x1F ? double.PositiveInfinity
            : exponent == 0 ? mantissa * Math.Pow(2, -24)
            : (1 + mantissa / 1024.0) * Math.Pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    private static bool IsNaN(ushort half) => (half & 0x7C00) == 0x7C00 && (half & 0x3FF) != 0;

    [Fact]
    public void EveryHalfWidensExactly()
    {
        for (int h = 0; h <= 0xFFFF; h++)
        {
            ushort half = (ushort)h;
            uint bits = Float16Bits.ToSingleBits(half);
            if (IsNaN(half))
            {
                // Quiet NaN, sign and payload kept.
                Assert.True(float.IsNaN(BitConverter.UInt32BitsToSingle(bits)), $"0x{h:X4}");
                Assert.Equal((uint)(h >> 15), bits >> 31);
                Assert.Equal(0x0040_0000u | ((uint)(h & 0x3FF) << 13), bits & 0x007F_FFFFu);
                continue;
            }
            float expected = (float)Decode(half);
            Assert.True(BitConverter.SingleToUInt32Bits(expected) == bits, $"0x{h:X4}: 0x{bits:X8} vs {expected}");
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)BitConverter.UInt16BitsToHalf(half)), bits);
        }
    }

    [Fact]
    public void FloatNarrowsToTheNearestHalfTiesToEven()
    {
        var random = new Random(1601);
        var cases = new System.Collections.Generic.List<float>
        {
            0f, -0f, 1f, -1f, 65504f, 65519.996f, 65520f, -65520f, 1e10f, float.PositiveInfinity, float.NegativeInfinity,
            float.Epsilon, 2.98e-8f, 2.9802322e-8f, 2.9802326e-8f, 5.9604645e-8f, 8.940697e-8f, 6.097555e-5f, 6.1035156e-5f,
            1.0004883f, 1.0009766f, 1.0014648f, 2049f, 2051f, 4097f,
        };
        // Exact midpoints between neighbouring halves (ties) across the whole range, and random bit patterns.
        for (int h = 0; h < 0x7BFF; h += 37)
        {
            cases.Add((float)((Decode((ushort)h) + Decode((ushort)(h + 1))) / 2));
        }
        for (int i = 0; i < 200000; i++) cases.Add(BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)));

        foreach (float value in cases)
        {
            ushort actual = Float16Bits.FromSingle(value);
            if (float.IsNaN(value))
            {
                Assert.True(IsNaN(actual) && (actual & 0x200) != 0, $"{BitConverter.SingleToUInt32Bits(value):X8} → {actual:X4}");
                continue;
            }
            ushort expected = BitConverter.HalfToUInt16Bits((Half)value);
            Assert.True(expected == actual, $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}): 0x{actual:X4} vs 0x{expected:X4}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void DequantizeWidensFloat16WithoutQuantizationParameters(string implementation)
    {
        ushort[] halves = { 0x0000, 0x8000, 0x3C00, 0xC000, 0x7BFF, 0x0001, 0x03FF, 0x0400, 0x7C00, 0xFC00, 0x3555, 0x7E00 };
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.DEQUANTIZE),
            new[] { new TestTensor(TensorType.Float16, new[] { 3, 4 }, TfLiteModelBuilder.Bytes(halves), isConstant: true), TestTensor.Float(new[] { 3, 4 }) },
            new[] { 0 }, new[] { 1 }, BuiltinOperator.DEQUANTIZE);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        float[] actual = runner.Get<float>(1);
        for (int i = 0; i < halves.Length; i++)
        {
            if (IsNaN(halves[i])) Assert.True(float.IsNaN(actual[i]));
            else Assert.Equal((float)Decode(halves[i]), actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void CastConvertsFloat16BothWays(string implementation)
    {
        float[] floats = { 0.1f, -2.5f, 65504f, 1e6f, 3.0000002f, -0.00001f };
        int[] ints = { 0, 1, -7, 2049, 65519, 70000 };
        ushort[] fromFloats = Run<ushort>(implementation, TestTensor.Float(new[] { 6 }, floats), TensorType.Float16);
        ushort[] fromInts = Run<ushort>(implementation, TestTensor.Int32(new[] { 6 }, ints), TensorType.Float16);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(BitConverter.HalfToUInt16Bits((Half)floats[i]), fromFloats[i]);
            Assert.Equal(BitConverter.HalfToUInt16Bits((Half)(float)ints[i]), fromInts[i]);
        }
        var halves = new TestTensor(TensorType.Float16, new[] { 6 }, TfLiteModelBuilder.Bytes(fromFloats));
        float[] widened = Run<float>(implementation, halves, TensorType.Float32);
        int[] truncated = Run<int>(implementation, halves, TensorType.Int32);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal((float)Decode(fromFloats[i]), widened[i]);
            Assert.Equal(float.IsInfinity(widened[i]) ? int.MinValue : (int)widened[i], truncated[i]);
        }
    }

    private static T[] Run<T>(string implementation, TestTensor input, TensorType outputType) where T : unmanaged
    {
        using var runner = new KernelRunner(KernelImplementations.Get(implementation, BuiltinOperator.CAST),
            new[] { input, new TestTensor(outputType, input.Shape) }, new[] { 0 }, new[] { 1 }, BuiltinOperator.CAST);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        return runner.Get<T>(1);
    }
}
