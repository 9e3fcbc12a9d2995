using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// PRELU as TFLM's prelu_common.cc (float) and reference/prelu.h (quantized) compute it, element by element over
/// the broadcast of input and alpha: x ≥ 0 ? x : x · alpha.
/// </summary>
public static class PreluMath
{
    public static void EvalFloat(in BroadcastShape shape, ReadOnlySpan<float> input, ReadOnlySpan<float> alpha, Span<float> output)
    {
        if (shape.ElementCount == 0) return;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1, i2 = cursor.Offset2;
            for (int k = 0; k < shape.InnerLength; k++, o++, i1 += shape.InnerStride1, i2 += shape.InnerStride2)
            {
                float x = input[i1];
                output[o] = x >= 0f ? x : x * alpha[i2];
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>
    /// int8/int16 input with int8 alpha: (x − zero point) requantized with multiplier 1 when non-negative, else
    /// (x − zero point) · (alpha − alpha zero point) requantized with multiplier 2; plus the output zero point,
    /// clamped to [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static void EvalQuantized<T>(in BroadcastShape shape, in PreluOpData data, ReadOnlySpan<T> input, ReadOnlySpan<sbyte> alpha,
        Span<T> output, int min, int max) where T : unmanaged
    {
        if (shape.ElementCount == 0) return;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1, i2 = cursor.Offset2;
            for (int k = 0; k < shape.InnerLength; k++, o++, i1 += shape.InnerStride1, i2 += shape.InnerStride2)
            {
                int x = data.InputOffset + ToInt(input[i1]);
                int value;
                if (x >= 0)
                {
                    value = FixedPointMath.MultiplyByQuantizedMultiplier(x, data.OutputMultiplier1, data.OutputShift1);
                }
                else
                {
                    int a = data.AlphaOffset + alpha[i2];
                    value = FixedPointMath.MultiplyByQuantizedMultiplier(x * a, data.OutputMultiplier2, data.OutputShift2);
                }
                output[o] = FromInt<T>(ActivationMath.Clamp(value + data.OutputOffset, min, max));
            }
        } while (cursor.NextRow(in shape));
    }

    private static unsafe int ToInt<T>(T value) where T : unmanaged =>
        sizeof(T) == 1 ? *(sbyte*)&value : *(short*)&value;

    private static unsafe T FromInt<T>(int value) where T : unmanaged
    {
        T result = default;
        if (sizeof(T) == 1) *(sbyte*)&result = unchecked((sbyte)value);
        else *(short*)&result = unchecked((short)value);
        return result;
    }
}
