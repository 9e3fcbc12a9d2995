using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LEAKY_RELU as TFLM's reference/leaky_relu.h: x for x &gt; 0 (≥ zero point when quantized), else alpha · x.</summary>
public static class LeakyReluMath
{
    /// <summary>float: alpha may be above 1 or negative, so this is a select, not a max.</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output, float alpha)
    {
        for (int i = 0; i < input.Length; i++)
        {
            float value = input[i];
            output[i] = value > 0 ? value : value * alpha;
        }
    }

    /// <summary>
    /// int8/int16 (<paramref name="min"/>, <paramref name="max"/> the type's range): the input offset by its
    /// zero point is requantized with the identity multiplier when non-negative and with the alpha multiplier
    /// otherwise, then offset by the output zero point and clamped.
    /// </summary>
    public static void EvalQuantized<T>(ReadOnlySpan<T> input, Span<T> output, in LeakyReluOpData data, int min, int max)
        where T : unmanaged
    {
        for (int i = 0; i < input.Length; i++)
        {
            int value = ToInt(input[i]) - data.InputZeroPoint;
            int scaled = value >= 0
                ? FixedPointMath.MultiplyByQuantizedMultiplier(value, data.OutputMultiplierIdentity, data.OutputShiftIdentity)
                : FixedPointMath.MultiplyByQuantizedMultiplier(value, data.OutputMultiplierAlpha, data.OutputShiftAlpha);
            output[i] = FromInt<T>(ActivationMath.Clamp(data.OutputZeroPoint + scaled, min, max));
        }
    }

    private static unsafe int ToInt<T>(T value) where T : unmanaged =>
        sizeof(T) == 1 ? *(sbyte*)&value : *(short*)&value;

    private static unsafe T FromInt<T>(int value) where T : unmanaged
    {
        T result = default;
        if (sizeof(T) == 1) *(sbyte*)&result = (sbyte)value;
        else *(short*)&result = (short)value;
        return result;
    }
}
