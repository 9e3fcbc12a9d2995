using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>FilterbankSpectralSubtraction</c> (signal/src/filter_bank_spectral_subtraction.cc).</summary>
public static class SignalFilterBankSpectralSubtractionMath
{
    /// <summary>
    /// Updates the per-channel noise estimate with a first-order low-pass (even channels use 'smoothing', odd
    /// ones 'alternate_smoothing'), subtracts it from the signal and floors the result at
    /// min_signal_remaining × signal. All in uint32/uint64 as TFLM, including wrap-around of the scaled signal.
    /// </summary>
    public static void Apply(ReadOnlySpan<uint> input, Span<uint> output, Span<uint> noiseEstimate,
        uint smoothing, uint oneMinusSmoothing, uint alternateSmoothing, uint alternateOneMinusSmoothing,
        uint minSignalRemaining, int smoothingBits, int spectralSubtractionBits, bool clamping)
    {
        for (int i = 0; i < noiseEstimate.Length; ++i)
        {
            bool even = (i & 1) == 0;
            uint channelSmoothing = even ? smoothing : alternateSmoothing;
            uint channelOneMinusSmoothing = even ? oneMinusSmoothing : alternateOneMinusSmoothing;

            uint signalScaledUp = input[i] << smoothingBits;
            noiseEstimate[i] = (uint)(unchecked((ulong)signalScaledUp * channelSmoothing +
                (ulong)noiseEstimate[i] * channelOneMinusSmoothing) >> spectralSubtractionBits);

            uint estimateScaledUp = noiseEstimate[i];
            // Keep signal - estimate non-negative; with clamping the estimate itself follows the signal down.
            if (estimateScaledUp > signalScaledUp)
            {
                estimateScaledUp = signalScaledUp;
                if (clamping) noiseEstimate[i] = estimateScaledUp;
            }
            uint floor = (uint)(((ulong)input[i] * minSignalRemaining) >> spectralSubtractionBits);
            uint subtracted = (signalScaledUp - estimateScaledUp) >> smoothingBits;
            output[i] = subtracted > floor ? subtracted : floor;
        }
    }
}
