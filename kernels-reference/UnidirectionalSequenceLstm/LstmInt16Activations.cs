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
    /// <summary>sigmoid(i / 24) × 65536 rounded, the last entry saturated to 65535 (TFLM's sigmoid_table_uint16).</summary>
    private static ReadOnlySpan<ushort> SigmoidTable => new ushort[]
    {
        32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064, 42688,
        43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409,
        51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
        57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110,
        61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186,
        63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
        64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900,
        64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208,
        65221, 65234, 65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
        65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449,
        65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491,
        65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
        65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
        65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530,
        65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
        65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535,
    };

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
