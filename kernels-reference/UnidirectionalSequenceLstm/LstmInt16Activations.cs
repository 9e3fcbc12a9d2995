using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The int16 sigmoid and tanh the integer LSTM applies to its gates and cell state (TFLM's
/// <c>reference_integer_ops::Logistic</c> / <c>Tanh</c> for int16, called through lstm_eval.cc's wrappers). Both
/// interpolate a 256-entry table of sigmoid(i / 24) in unsigned Q0.16 and use tanh(x) = 2·sigmoid(2x) − 1. The input
/// is first scaled by 3 (the table step is 1/24, i.e. 3/4 of a power of two), outputs are Q0.15.
/// </summary>
public static class LstmInt16Activations
{
    // TFLM's sigmoid_table_uint16, shared by LOGISTIC, TANH and the integer LSTM.
    private static ReadOnlySpan<ushort> SigmoidTable => Int16SigmoidTable.Values;

    /// <summary>
    /// Sigmoid of Q3.12 gate pre-activations, in place allowed. The LSTM passes multiplier 0 and shift 0, TFLM's
    /// "power of two" case, which becomes a plain ×3.
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<short> input, Span<short> output)
    {
        const int multiplier = 3;
        ReadOnlySpan<ushort> table = SigmoidTable;
        for (int i = 0; i < input.Length; i++)
        {
            int scaled = input[i] * multiplier;
            uint magnitude = (uint)(scaled < 0 ? -scaled : scaled);
            // One table step is 2^9 input units: 2^7 from Q3.12 to the 1/24 grid (after the ×3), ×4 for the 3/4.
            uint index = magnitude >> 9;
            uint result;
            if (index >= 255)
            {
                result = 0x7FFFu << 10;
            }
            else
            {
                uint low = table[(int)index];
                uint high = table[(int)index + 1];
                result = unchecked((low << 9) + (magnitude & 0x1FFu) * (high - low));
            }
            // sigmoid(-x) = 1 - sigmoid(x); the constants round the Q0.25 value to Q0.15.
            result = scaled >= 0
                ? unchecked(result + (1u << 9))
                : unchecked((1u << (16 + 9)) - result + (1u << 9) - 1u);
            output[i] = unchecked((short)(result >> 10));
        }
    }

    /// <summary>
    /// Tanh of int16 values whose scale is 2^<paramref name="scalePower"/> (−12 for the Q3.12 gate pre-activations,
    /// the cell state's power for the cell), in place allowed. Mirrors lstm_eval.cc: the left shift 15 + power − 3
    /// becomes a multiplier 3 · 2^shift when non-negative, otherwise a rounding right shift after ×3.
    /// </summary>
    public static void Tanh(int scalePower, ReadOnlySpan<short> input, Span<short> output)
    {
        int leftShift = 15 + scalePower - 3;
        int multiplier;
        int rightShift;
        if (leftShift < 0)
        {
            multiplier = 3;
            rightShift = -leftShift;
        }
        else
        {
            multiplier = 3 << leftShift;
            rightShift = 0;
        }
        int round = rightShift > 0 ? 1 << (rightShift - 1) : 0;
        ReadOnlySpan<ushort> table = SigmoidTable;
        for (int i = 0; i < input.Length; i++)
        {
            int scaled = (input[i] * multiplier + round) >> rightShift;
            uint magnitude = (uint)(scaled < 0 ? -scaled : scaled);
            // Half the sigmoid step: tanh(x) reads sigmoid at 2x.
            uint index = magnitude >> 8;
            int result;
            if (index >= 255)
            {
                result = 0xFFFF << 8;
            }
            else
            {
                uint low = table[(int)index];
                uint high = table[(int)index + 1];
                result = unchecked((int)((low << 8) + (magnitude & 0xFFu) * (high - low)));
            }
            // 2·sigmoid − 1 in Q0.24 with rounding, then down to Q0.15 (arithmetic shift, as in C++).
            result = scaled >= 0
                ? result - (1 << (14 + 9)) + (1 << (9 - 2))
                : -result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1;
            output[i] = unchecked((short)(result >> (9 - 1)));
        }
    }
}
