using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TANH as TFLM's reference/tanh.h and reference/integer_ops/tanh.h compute it.</summary>
public static class TanhMath
{
    private const int Int8OutputFractionalBits = 7;

    /// <summary>float: the C library's tanhf (<see cref="MathF.Tanh"/>).</summary>
    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = MathF.Tanh(input[i]);
    }

    /// <summary>
    /// int8: inputs within the radius are rescaled to Q4.27, passed through gemmlowp's fixed-point tanh (Q0.31
    /// result) and rounded to Q0.7; outside they saturate to -128 / 127.
    /// </summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, int inputZeroPoint, int inputRangeRadius,
        int inputMultiplier, int inputLeftShift)
    {
        for (int i = 0; i < output.Length; i++)
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
                int outputQ0 = FixedPointMath.Tanh(inputQ4, TanhCommon.Int8InputIntegerBits);
                int outputQ7 = FixedPointMath.RoundingDivideByPOT(outputQ0, 31 - Int8OutputFractionalBits);
                output[i] = (sbyte)ActivationMath.Clamp(outputQ7, sbyte.MinValue, sbyte.MaxValue);
            }
        }
    }

    /// <summary>
    /// int16: tanh(x) = 2·sigmoid(2x) − 1 read from the sigmoid table (sigmoid at multiples of 1/24, 2^8 input
    /// steps per entry, so the same table covers [-10.7, 10.7] of tanh), interpolated on |x| and mirrored for
    /// negative x; the 0.16-scaled result, shifted to the centre, is brought to Q0.15 with an arithmetic shift.
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
        for (int i = 0; i < output.Length; i++)
        {
            int value = unchecked(input[i] * inputMultiplier + round) >> inputLeftShift;
            uint absolute = (uint)(value < 0 ? -value : value);
            uint segment = absolute >> 8;
            int result;
            if (segment >= 255)
            {
                result = 0xFFFF << 8;
            }
            else
            {
                uint low = table[(int)segment];
                uint high = table[(int)segment + 1];
                uint fraction = absolute & 0xFF;
                result = unchecked((int)((low << 8) + fraction * (high - low)));
            }
            result = value >= 0
                ? unchecked(result - (1 << (14 + 9)) + (1 << (9 - 2)))
                : unchecked(-result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1);
            output[i] = unchecked((short)(result >> (9 - 1)));
        }
    }

    // TFLM's sigmoid_table_uint16, shared by LOGISTIC, TANH and the integer LSTM.
    private static ReadOnlySpan<ushort> SigmoidTable => Int16SigmoidTable.Values;
}
