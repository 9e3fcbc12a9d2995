using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>HARD_SWISH, x · relu6(x + 3) / 6, as TFLM's reference/hard_swish.h computes it.</summary>
public static class HardSwishMath
{
    /// <summary>float: in · min(6, max(0, in + 3)) / 6, with std::min/std::max's comparison order.</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float x = input[i];
            float shifted = x + 3f;
            float lower = 0f < shifted ? shifted : 0f;
            float clamped = lower < 6f ? lower : 6f;
            output[i] = x * clamped / 6f;
        }
    }

    /// <summary>
    /// int8 in 16-bit fixed point: the input (minus zero point) is moved to a 2^7 finer scale, rescaled once to
    /// the output scale and once to a "relu-ish" factor in [0, 1] (saturating at ±3), and the two are multiplied
    /// with a truncating doubling high multiply; every intermediate is an int16 as in TFLM.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, in HardSwishOpData data)
    {
        for (int i = 0; i < output.Length; i++)
        {
            short inputValue = unchecked((short)(input[i] - data.InputZeroPoint));
            short hiresInput = unchecked((short)(inputValue * (1 << 7)));
            short preshiftOutputScale = FixedPointMath.SaturatingRoundingDoublingHighMul(hiresInput, data.OutputMultiplierFixedPointInt16);

            short reluish = hiresInput;
            if (data.ReluishMultiplierExponent > 0)
                reluish = SaturatingLeftShift(reluish, data.ReluishMultiplierExponent - 1);
            reluish = FixedPointMath.SaturatingRoundingDoublingHighMul(reluish, data.ReluishMultiplierFixedPointInt16);
            if (data.ReluishMultiplierExponent > 0)
                reluish = SaturatingLeftShift(reluish, 1);
            if (data.ReluishMultiplierExponent < 0)
                reluish = FixedPointMath.RoundingDivideByPOT(reluish, -data.ReluishMultiplierExponent);
            // [-1, 1] to [0, 1].
            reluish = unchecked((short)((reluish + (1 << 15)) >> 1));

            short preshiftOutput = SaturatingDoublingHighMul(reluish, preshiftOutputScale);
            short outputValue = FixedPointMath.RoundingDivideByPOT(preshiftOutput, -data.OutputMultiplierExponent);
            outputValue = unchecked((short)(outputValue + data.OutputZeroPoint));
            output[i] = (sbyte)ActivationMath.Clamp(outputValue, sbyte.MinValue, sbyte.MaxValue);
        }
    }

    /// <summary>TFLM <c>DownScaleInt32ToInt16Multiplier</c>: a Q0.31 multiplier rounded to Q0.15 (saturating at 32767).</summary>
    public static short DownScaleInt32ToInt16Multiplier(int multiplier)
    {
        const int roundingOffset = 1 << 15;
        if (multiplier >= int.MaxValue - roundingOffset) return short.MaxValue;
        return unchecked((short)((multiplier + roundingOffset) >> 16));
    }

    /// <summary>value · 2^amount clamped to the int16 range.</summary>
    public static short SaturatingLeftShift(short value, int amount)
    {
        long result = (long)value * (1L << amount);
        if (result > short.MaxValue) return short.MaxValue;
        if (result < short.MinValue) return short.MinValue;
        return (short)result;
    }

    /// <summary>Like SQDMULH: (a · b) / 2^15 truncated toward zero, −32768 · −32768 saturating to 32767.</summary>
    public static short SaturatingDoublingHighMul(short a, short b)
    {
        if (a == b && a == short.MinValue) return short.MaxValue;
        return unchecked((short)((a * b) / (1 << 15)));
    }
}
