using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>ApplyWindow</c> (signal/src/window.cc).</summary>
public static class SignalWindowMath
{
    /// <summary>
    /// output[i] = saturate16((input[i] * window[i]) &gt;&gt; shift) for each window-length frame of the input
    /// (the product is 32-bit; the shift is arithmetic).
    /// </summary>
    public static void Apply(ReadOnlySpan<short> input, ReadOnlySpan<short> window, int shift, Span<short> output)
    {
        int windowLength = window.Length;
        for (int frame = 0; frame + windowLength <= input.Length; frame += windowLength)
        {
            for (int i = 0; i < windowLength; i++)
            {
                int raw = (input[frame + i] * window[i]) >> shift;
                output[frame + i] = raw < short.MinValue ? short.MinValue : raw > short.MaxValue ? short.MaxValue : (short)raw;
            }
        }
    }
}
