using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLM's per-channel amplitude normalization, fixed point (signal/src/pcan_argc_fixed.cc):
/// <c>ApplyPcanAutoGainControlFixed</c>, <c>WideDynamicFunction</c> and <c>PcanShrink</c>.
/// </summary>
public static class SignalPcanMath
{
    /// <summary>Entries of the gain table the wide-dynamic function can reach (3 base + 4 per octave up to 2^32).</summary>
    public const int GainLutLength = 4 * 32 - 6 + 3;

    private const int SnrBits = 12;
    private const int OutputBits = 6;

    /// <summary>output[i] = shrink((input[i] * gain(noise[i])) &gt;&gt; snrShift).</summary>
    public static void Apply(ReadOnlySpan<uint> input, ReadOnlySpan<uint> noiseEstimate, ReadOnlySpan<short> gainLut,
        int snrShift, Span<uint> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            // The int16 gain is sign-extended into uint32 as in C.
            uint gain = unchecked((uint)(int)WideDynamicFunction(noiseEstimate[i], gainLut));
            uint snr = (uint)(((ulong)input[i] * gain) >> snrShift);
            output[i] = Shrink(snr);
        }
    }

    /// <summary>Piecewise quadratic interpolation of the gain table by octave of <paramref name="x"/>.</summary>
    public static short WideDynamicFunction(uint x, ReadOnlySpan<short> lut)
    {
        if (x <= 2) return lut[(int)x];

        int interval = SignalBitMath.MostSignificantBit32(x);
        int offset = 4 * interval - 6;
        short fraction = (short)((interval < 11 ? x << (11 - interval) : x >> (interval - 11)) & 0x3FF);

        int result = (lut[offset + 2] * fraction) >> 5;
        result += unchecked((int)((uint)(int)lut[offset + 1] << 5));
        result = unchecked(result * fraction);
        result = unchecked(result + (1 << 14)) >> 15;
        result += lut[offset];
        return (short)result;
    }

    /// <summary>shrink(x) = x² / 4 for x &lt; 2, x − 1 otherwise; input has 12 fraction bits, output 6.</summary>
    public static uint Shrink(uint x)
    {
        if (x < (2u << SnrBits)) return (x * x) >> (2 + 2 * SnrBits - OutputBits);
        return (x >> (SnrBits - OutputBits)) - (1u << OutputBits);
    }
}
