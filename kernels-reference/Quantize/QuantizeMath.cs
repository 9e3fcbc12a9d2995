using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>QUANTIZE arithmetic (TFLM reference/quantize.h AffineQuantize and reference/requantize.h Requantize).</summary>
public static class QuantizeMath
{
    /// <summary>float → int8/int16/int32: clamp(round(x / scale) + zero_point).</summary>
    public static void AffineQuantizeInt8(ReadOnlySpan<float> input, Span<sbyte> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++)
            output[i] = (sbyte)QuantizationMath.QuantizeClamped(input[i], scale, zeroPoint, sbyte.MinValue, sbyte.MaxValue);
    }

    public static void AffineQuantizeUInt8(ReadOnlySpan<float> input, Span<byte> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++)
            output[i] = (byte)QuantizationMath.QuantizeClamped(input[i], scale, zeroPoint, byte.MinValue, byte.MaxValue);
    }

    public static void AffineQuantizeInt16(ReadOnlySpan<float> input, Span<short> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++)
            output[i] = (short)QuantizationMath.QuantizeClamped(input[i], scale, zeroPoint, short.MinValue, short.MaxValue);
    }

    public static void AffineQuantizeInt32(ReadOnlySpan<float> input, Span<int> output, float scale, int zeroPoint)
    {
        for (int i = 0; i < input.Length; i++)
            output[i] = QuantizationMath.QuantizeClamped(input[i], scale, zeroPoint, int.MinValue, int.MaxValue);
    }

    /// <summary>
    /// One requantized element: MultiplyByQuantizedMultiplier(x − input_zp) + output_zp, clamped to the output
    /// type's range [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static int Requantize(int value, int inputZeroPoint, int multiplier, int shift, int outputZeroPoint, int min, int max)
    {
        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(value - inputZeroPoint, multiplier, shift) + outputZeroPoint;
        return scaled < min ? min : scaled > max ? max : scaled;
    }

    /// <summary>
    /// True when Requantize is only the int8↔uint8 flip of the sign bit (TFLM's fast path: same scale and a
    /// zero-point difference of exactly ∓128), which TFLM computes as x ^ 0x80 rather than by multiplying.
    /// </summary>
    public static bool IsSignFlip(int multiplier, int shift, int inputZeroPoint, int outputZeroPoint, bool int8ToUInt8)
    {
        bool sameScale = multiplier == 1 << 30 && shift == 1;
        int difference = inputZeroPoint - outputZeroPoint;
        return sameScale && (int8ToUInt8 ? difference == -128 : difference == 128);
    }
}
