using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>RELU and RELU6 as TFLM's activations_common.cc / activations.h compute them.</summary>
public static class ReluMath
{
    /// <summary>float: x &lt; 0 ? 0 : x (NaN passes through).</summary>
    public static void ReluFloat(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float value = input[i];
            output[i] = value < 0f ? 0f : value;
        }
    }

    /// <summary>float: x &gt; 6 ? 6 : x &lt; 0 ? 0 : x.</summary>
    public static void Relu6Float(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float value = input[i];
            output[i] = value > 6f ? 6f : value < 0f ? 0f : value;
        }
    }

    /// <summary>int8: output zero point + requantized (x − input zero point), clamped to the RELU range.</summary>
    public static void ReluInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, in ReluOpData data)
    {
        for (int i = 0; i < output.Length; i++) output[i] = (sbyte)Requantize(input[i], data);
    }

    public static void ReluInt16(ReadOnlySpan<short> input, Span<short> output, in ReluOpData data)
    {
        for (int i = 0; i < output.Length; i++) output[i] = (short)Requantize(input[i], data);
    }

    private static int Requantize(int value, in ReluOpData data)
    {
        int result = data.OutputOffset + FixedPointMath.MultiplyByQuantizedMultiplier(value - data.InputOffset, data.OutputMultiplier, data.OutputShift);
        result = result < data.QuantizedActivationMin ? data.QuantizedActivationMin : result;
        return result > data.QuantizedActivationMax ? data.QuantizedActivationMax : result;
    }

    /// <summary>int8 RELU6: clamp to [zero, six] (input quantization), no rescaling.</summary>
    public static void Relu6Int8(ReadOnlySpan<sbyte> input, Span<sbyte> output, int zero, int six)
    {
        for (int i = 0; i < output.Length; i++)
        {
            int value = input[i];
            output[i] = (sbyte)(value > six ? six : value < zero ? zero : value);
        }
    }

    public static void Relu6Int16(ReadOnlySpan<short> input, Span<short> output, int zero, int six)
    {
        for (int i = 0; i < output.Length; i++)
        {
            int value = input[i];
            output[i] = (short)(value > six ? six : value < zero ? zero : value);
        }
    }
}
