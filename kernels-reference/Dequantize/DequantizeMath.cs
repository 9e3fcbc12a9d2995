using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEQUANTIZE arithmetic: real = scale × (q − zero_point). TFLM multiplies a double scale by the int difference
/// and narrows to float; because a float scale (24-bit significand) times a difference of at most 17 bits is exact
/// in double, that equals the correctly rounded float32 product computed here without double arithmetic.
/// </summary>
public static class DequantizeMath
{
    public static void DequantizeInt8(ReadOnlySpan<sbyte> input, Span<float> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++) output[i] = scale * (input[i] - zeroPoint);
    }

    public static void DequantizeUInt8(ReadOnlySpan<byte> input, Span<float> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++) output[i] = scale * (input[i] - zeroPoint);
    }

    public static void DequantizeInt16(ReadOnlySpan<short> input, Span<float> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++) output[i] = scale * (input[i] - zeroPoint);
    }

    /// <summary>FLOAT16 → float32 (TFLite's dequantize.cc for kTfLiteFloat16: no scale, an exact widening).</summary>
    public static void DequantizeFloat16(ReadOnlySpan<ushort> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++) output[i] = Float16Bits.ToSingle(input[i]);
    }
}
