using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOGISTIC (sigmoid) as TFLM's reference/logistic.h and reference/integer_ops/logistic.h.</summary>
public static class LogisticMath
{
    // Beyond these TFLM stops computing 1/(1 + e^-x): 1 above, e^x (the leading term) below.
    private const float CutoffUpper = 16.619047164916992188f;
    private const float CutoffLower = -9f;

    private const int Int8OutputIntegerBits = 8;
    private const int Int8OutputZeroPoint = -128;

    /// <summary>float: 1/(1 + e^-x) with TFLM's cutoffs.</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            float value = input[i];
            float result;
            if (value > CutoffUpper) result = 1.0f;
            else if (value < CutoffLower) result = ExpMath.Exp(value);
            else result = 1f / (1f + ExpMath.Exp(-value));
            output[i] = result;
        }
    }

    /// <summary>
    /// int8: inputs within the radius are rescaled to Q4.27, passed through gemmlowp's fixed-point logistic
    /// (Q0.31 result) and brought to 8 fractional bits with output zero point -128; outside they saturate.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, int inputZeroPoint, int inputRangeRadius,
        int inputMultiplier, int inputLeftShift)
    {
        for (int i = 0; i < input.Length; i++)
        {
            int value = input[i] - inputZeroPoint;
            if (value <= -inputRangeRadius)
            {
                output[i] = sbyte.MinValue;
            }
            else if (value >= inputRangeRadius)
            {
                output[i] = sbyte.MaxValue;
            }
            else
            {
                int inputQ4 = FixedPointMath.MultiplyByQuantizedMultiplier(value, inputMultiplier, inputLeftShift);
                int outputQ0 = FixedPointMath.Logistic(inputQ4, LogisticCommon.Int8InputIntegerBits);
                int outputQ23 = FixedPointMath.RoundingDivideByPOT(outputQ0, 31 - Int8OutputIntegerBits);
                output[i] = (sbyte)ActivationMath.Clamp(outputQ23 + Int8OutputZeroPoint, sbyte.MinValue, sbyte.MaxValue);
            }
        }
    }

    /// <summary>
    /// int16: the input is scaled so that 2^9 steps make one entry of <see cref="SigmoidTable"/> (sigmoid at
    /// multiples of 1/24), the table is interpolated on |x| and mirrored for negative x (sigmoid(-x) = 1 − sigmoid(x)),
    /// and the 0.16 result is rounded to Q0.15.
    /// </summary>
    public static void EvalInt16(ReadOnlySpan<short> input, Span<short> output, int inputMultiplier, int inputLeftShift)
    {
        if (inputMultiplier == 0)
        {
            // Power-of-two input scale: only the factor 3 of the table's 1/(3·4096) scale remains.
            inputMultiplier = 3 << inputLeftShift;
            inputLeftShift = 0;
        }
        int round = inputLeftShift > 0 ? 1 << (inputLeftShift - 1) : 0;
        ReadOnlySpan<ushort> table = SigmoidTable;
        for (int i = 0; i < input.Length; i++)
        {
            int value = unchecked(input[i] * inputMultiplier + round) >> inputLeftShift;
            uint absolute = (uint)(value < 0 ? -value : value);
            uint segment = absolute >> 9;
            uint result;
            if (segment >= 255)
            {
                result = 0x7FFFu << 10;
            }
            else
            {
                uint low = table[(int)segment];
                uint high = table[(int)segment + 1];
                uint fraction = absolute & 0x1FF;
                result = unchecked((low << 9) + fraction * (high - low));
            }
            result = value >= 0 ? result + (1u << 9) : unchecked((1u << (16 + 9)) - result + (1u << 9) - 1);
            output[i] = unchecked((short)(result >> 10));
        }
    }

    // TFLM's sigmoid_table_uint16, shared by LOGISTIC, TANH and the integer LSTM.
    private static ReadOnlySpan<ushort> SigmoidTable => Int16SigmoidTable.Values;
}
