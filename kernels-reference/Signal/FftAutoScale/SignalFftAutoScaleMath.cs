using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>FftAutoScale</c> and <c>MaxAbs16</c> (signal/src/fft_auto_scale.cc, max_abs.cc).</summary>
public static class SignalFftAutoScaleMath
{
    /// <summary>
    /// Largest |value|, kept in 16 bits as TFLM does: for -32768 the negation wraps back to -32768.
    /// </summary>
    public static short MaxAbs16(ReadOnlySpan<short> input)
    {
        short max = 0;
        for (int i = 0; i < input.Length; i++)
        {
            short value = input[i];
            if (value > max) max = value;
            else if (-value > max) max = (short)-value;
        }
        return max;
    }

    /// <summary>
    /// Shifts the input left so its largest magnitude uses all 15 value bits; returns the shift. Quirks kept:
    /// an all-zero input, and one whose largest magnitude wrapped to -32768, both give a shift of 0 (MSB of 0 and
    /// of the sign-extended value is 32).
    /// </summary>
    public static int Apply(ReadOnlySpan<short> input, Span<short> output)
    {
        short max = MaxAbs16(input);
        int scaleBits = 16 - SignalBitMath.MostSignificantBit32((uint)(int)max) - 1;
        if (scaleBits <= 0) scaleBits = 0;
        int factor = 1 << scaleBits;
        for (int i = 0; i < output.Length; i++) output[i] = (short)(input[i] * factor);
        return scaleBits;
    }
}
