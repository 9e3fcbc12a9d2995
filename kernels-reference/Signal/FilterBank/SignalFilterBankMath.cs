using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>FilterbankAccumulateChannels</c> (signal/src/filter_bank.cc).</summary>
public static class SignalFilterBankMath
{
    /// <summary>
    /// Triangular mel filters: each frequency bin adds weight × energy to its channel and unweight × energy to
    /// the next one, in uint64 (the int16 weight is sign-extended to 64 bits and the product wraps, as in C).
    /// Channel 0 only collects the unweighted part for channel 1 and is not written; output[c - 1] is channel c.
    /// </summary>
    public static void AccumulateChannels(ReadOnlySpan<uint> input, ReadOnlySpan<short> weights, ReadOnlySpan<short> unweights,
        ReadOnlySpan<short> channelFrequencyStarts, ReadOnlySpan<short> channelWeightStarts, ReadOnlySpan<short> channelWidths,
        int numChannels, Span<ulong> output)
    {
        ulong weightAccumulator = 0;
        ulong unweightAccumulator = 0;
        for (int i = 0; i < numChannels + 1; i++)
        {
            int frequencyStart = channelFrequencyStarts[i];
            int weightStart = channelWeightStarts[i];
            for (int j = 0; j < channelWidths[i]; ++j)
            {
                ulong energy = input[frequencyStart + j];
                weightAccumulator += unchecked((ulong)(long)weights[weightStart + j] * energy);
                unweightAccumulator += unchecked((ulong)(long)unweights[weightStart + j] * energy);
            }
            if (i > 0) output[i - 1] = weightAccumulator;
            weightAccumulator = unweightAccumulator;
            unweightAccumulator = 0;
        }
    }
}
