using System;

namespace TfLiteMicro.Host;

/// <summary>
/// Quantize and dequantize with a tensor's affine parameters, real = scale × (q − zero_point), with TFLite's
/// arithmetic (reference QUANTIZE / DEQUANTIZE): q = clamp(round_half_away(value / scale) + zero_point), and
/// value = (float)((double)scale × (q − zero_point)).
/// </summary>
public static class AffineQuantization
{
    public static void Quantize(ReadOnlySpan<float> values, Span<sbyte> destination, float scale, int zeroPoint) =>
        QuantizeInto(values, destination, scale, zeroPoint, sbyte.MinValue, sbyte.MaxValue, static q => (sbyte)q);

    public static void Quantize(ReadOnlySpan<float> values, Span<byte> destination, float scale, int zeroPoint) =>
        QuantizeInto(values, destination, scale, zeroPoint, byte.MinValue, byte.MaxValue, static q => (byte)q);

    public static void Quantize(ReadOnlySpan<float> values, Span<short> destination, float scale, int zeroPoint) =>
        QuantizeInto(values, destination, scale, zeroPoint, short.MinValue, short.MaxValue, static q => (short)q);

    public static void Quantize(ReadOnlySpan<float> values, Span<int> destination, float scale, int zeroPoint) =>
        QuantizeInto(values, destination, scale, zeroPoint, int.MinValue, int.MaxValue, static q => (int)q);

    public static sbyte[] QuantizeToInt8(ReadOnlySpan<float> values, float scale, int zeroPoint)
    {
        sbyte[] result = new sbyte[values.Length];
        Quantize(values, result, scale, zeroPoint);
        return result;
    }

    public static short[] QuantizeToInt16(ReadOnlySpan<float> values, float scale, int zeroPoint)
    {
        short[] result = new short[values.Length];
        Quantize(values, result, scale, zeroPoint);
        return result;
    }

    public static void Dequantize(ReadOnlySpan<sbyte> values, Span<float> destination, float scale, int zeroPoint)
    {
        CheckLengths(values.Length, destination.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = Dequantize(values[i], scale, zeroPoint);
    }

    public static void Dequantize(ReadOnlySpan<byte> values, Span<float> destination, float scale, int zeroPoint)
    {
        CheckLengths(values.Length, destination.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = Dequantize(values[i], scale, zeroPoint);
    }

    public static void Dequantize(ReadOnlySpan<short> values, Span<float> destination, float scale, int zeroPoint)
    {
        CheckLengths(values.Length, destination.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = Dequantize(values[i], scale, zeroPoint);
    }

    public static void Dequantize(ReadOnlySpan<int> values, Span<float> destination, float scale, int zeroPoint)
    {
        CheckLengths(values.Length, destination.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = Dequantize(values[i], scale, zeroPoint);
    }

    public static float[] Dequantize(ReadOnlySpan<sbyte> values, float scale, int zeroPoint)
    {
        float[] result = new float[values.Length];
        Dequantize(values, result, scale, zeroPoint);
        return result;
    }

    /// <summary>One value: TFLite's reference DEQUANTIZE (the scale widened to double, as its params hold it).</summary>
    public static float Dequantize(long q, float scale, int zeroPoint) => (float)((double)scale * (q - zeroPoint));

    /// <summary>One value: TFLite's reference QUANTIZE before clamping.</summary>
    public static long QuantizeUnclamped(float value, float scale, int zeroPoint) =>
        (long)MathF.Round(value / scale, MidpointRounding.AwayFromZero) + zeroPoint;

    private static void QuantizeInto<T>(ReadOnlySpan<float> values, Span<T> destination, float scale, int zeroPoint,
        long min, long max, Func<long, T> narrow)
    {
        CheckLengths(values.Length, destination.Length);
        if (!(scale > 0) || float.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), "scale must be positive and finite, got " + scale);
        for (int i = 0; i < values.Length; i++)
        {
            float value = values[i];
            long q = float.IsNaN(value) ? zeroPoint : QuantizeUnclamped(value, scale, zeroPoint);
            destination[i] = narrow(q < min ? min : q > max ? max : q);
        }
    }

    private static void CheckLengths(int source, int destination)
    {
        if (source != destination) throw new ArgumentException("source has " + source + " values but the destination " + destination);
    }
}
