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

    /// <summary>
    /// TFLM's <c>sigmoid_table_uint16</c> (kernels/internal/common.h), the same data LOGISTIC int16 uses: sigmoid(i/24)
    /// in 0.16 fixed point for i = 0..255, tuned by TFLM for interpolation, so it is data, not recomputed.
    /// </summary>
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
}
