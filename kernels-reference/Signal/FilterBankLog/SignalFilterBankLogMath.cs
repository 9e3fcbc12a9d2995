using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>FilterbankLog</c> and <c>Log32</c> (signal/src/filter_bank_log.cc, log.cc).</summary>
public static class SignalFilterBankLogMath
{
    // Fractional part of log2 on [1, 2) minus the identity, sampled at 128 segments (+2 padding), scale 65536:
    // the table of TFLM's signal/src/log.cc.
    private static ReadOnlySpan<ushort> LogLut => new ushort[]
    {
        0, 224, 442, 654, 861, 1063, 1259, 1450, 1636, 1817, 1992, 2163,
        2329, 2490, 2646, 2797, 2944, 3087, 3224, 3358, 3487, 3611, 3732, 3848,
        3960, 4068, 4172, 4272, 4368, 4460, 4549, 4633, 4714, 4791, 4864, 4934,
        5001, 5063, 5123, 5178, 5231, 5280, 5326, 5368, 5408, 5444, 5477, 5507,
        5533, 5557, 5578, 5595, 5610, 5622, 5631, 5637, 5640, 5641, 5638, 5633,
        5626, 5615, 5602, 5586, 5568, 5547, 5524, 5498, 5470, 5439, 5406, 5370,
        5332, 5291, 5249, 5203, 5156, 5106, 5054, 5000, 4944, 4885, 4825, 4762,
        4697, 4630, 4561, 4490, 4416, 4341, 4264, 4184, 4103, 4020, 3935, 3848,
        3759, 3668, 3575, 3481, 3384, 3286, 3186, 3084, 2981, 2875, 2768, 2659,
        2549, 2437, 2323, 2207, 2090, 1971, 1851, 1729, 1605, 1480, 1353, 1224,
        1094, 963, 830, 695, 559, 421, 282, 142, 0, 0,
    };

    private const int LogSegmentsLog2 = 7;
    private const int LogScaleLog2 = 16;
    private const uint LogScale = 1u << LogScaleLog2;
    /// <summary>ln(2) in Q16 (log2 → natural log).</summary>
    private const uint LogCoefficient = 45426;

    /// <summary>
    /// output[i] = min(Log32(input[i] &lt;&lt; correctionBits, outputScale), 32767); inputs that scale to 0 or 1
    /// give 0.
    /// </summary>
    public static void Apply(ReadOnlySpan<uint> input, int outputScale, int correctionBits, Span<short> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            uint scaled = input[i] << correctionBits;
            if (scaled > 1)
            {
                uint log = Log32(scaled, (uint)outputScale);
                output[i] = (short)(log < (uint)short.MaxValue ? log : (uint)short.MaxValue);
            }
            else
            {
                output[i] = 0;
            }
        }
    }

    /// <summary>
    /// Natural log of <paramref name="x"/> (&gt; 0) times <paramref name="outputScale"/>, rounded. Quirk kept: the
    /// final <c>outputScale * ln</c> product is computed in 32 bits and wraps.
    /// </summary>
    public static uint Log32(uint x, uint outputScale)
    {
        uint integer = (uint)SignalBitMath.MostSignificantBit32(x) - 1;
        uint fraction = Log2FractionPart32(x, integer);
        uint log2 = (integer << LogScaleLog2) + fraction;
        uint round = LogScale / 2;
        uint loge = (uint)((LogCoefficient * (ulong)log2 + round) >> LogScaleLog2);
        return unchecked(outputScale * loge + round) >> LogScaleLog2;
    }

    private static uint Log2FractionPart32(uint x, uint log2x)
    {
        int fraction = unchecked((int)(x - (1UL << (int)log2x)));
        if (log2x < LogScaleLog2) fraction <<= LogScaleLog2 - (int)log2x;
        else fraction >>= (int)log2x - LogScaleLog2;

        uint baseSegment = (uint)(fraction >> (LogScaleLog2 - LogSegmentsLog2));
        uint segmentUnit = (1u << LogScaleLog2) >> LogSegmentsLog2;
        int c0 = LogLut[(int)baseSegment];
        int c1 = LogLut[(int)baseSegment + 1];
        int segmentBase = (int)(segmentUnit * baseSegment);
        int relativePosition = ((c1 - c0) * (fraction - segmentBase)) >> LogScaleLog2;
        return (uint)(fraction + c0 + relativePosition);
    }
}
