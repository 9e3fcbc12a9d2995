using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLM's int16 → int16 interpolated lookup tables (<c>LUTPopulate&lt;int16_t&gt;</c> and <c>LUTLookup</c> in
/// kernels/internal/common.h): 512 segments over the whole int16 input range plus one end point; the top 9 bits
/// of the input pick a segment, the low 7 bits interpolate linearly inside it.
/// </summary>
public static class Int16LookupTable
{
    /// <summary>Entries of a table: 512 segment starts plus the end point of the last segment.</summary>
    public const int Size = 513;

    private const int Segments = 512;

    /// <summary>
    /// Samples <typeparamref name="TFunction"/> into <paramref name="table"/> (length <see cref="Size"/>), all in
    /// float as TFLM does: each entry is the rounded function value at the segment start, nudged by half the
    /// error linear interpolation would make at the segment's midpoint, so interpolated values are centred.
    /// </summary>
    public static void Populate<TFunction>(TFunction function, float inputScale, int inputZeroPoint,
        float outputScale, int outputZeroPoint, Span<short> table) where TFunction : struct, ILookupFunction
    {
        float inputMin = inputScale * (short.MinValue - inputZeroPoint);
        float inputMax = inputScale * (short.MaxValue - inputZeroPoint);
        float outputMin = outputScale * (short.MinValue - outputZeroPoint);
        float outputMax = outputScale * (short.MaxValue - outputZeroPoint);

        float step = (inputMax - inputMin) / Segments;
        float halfStep = step / 2;
        float outputScalingInverse = 65536f / (outputMax - outputMin);
        const float tableMin = short.MinValue;
        const float tableMax = short.MaxValue;

        for (int i = 0; i < Segments; i++)
        {
            float value = function.Evaluate(inputMin + i * step);
            float midpointValue = function.Evaluate(inputMin + i * step + halfStep);
            float nextValue = function.Evaluate(inputMin + (i + 1) * step);

            float sample = Round(value * outputScalingInverse);
            float interpolatedMidpoint = Round((nextValue * outputScalingInverse + Round(value * outputScalingInverse)) / 2);
            float exactMidpoint = Round(midpointValue * outputScalingInverse);
            float midpointError = interpolatedMidpoint - exactMidpoint;
            float bias = Round(midpointError / 2);
            table[i] = (short)Clamp(sample - bias, tableMin, tableMax);
        }
        table[Segments] = (short)Clamp(Round(function.Evaluate(inputMax) * outputScalingInverse), tableMin, tableMax);
    }

    /// <summary>TFLM <c>LUTLookup(int16_t, const int16_t*)</c>: segment base plus rounded interpolation.</summary>
    public static short Lookup(short value, ReadOnlySpan<short> table)
    {
        int index = 256 + (value >> 7);
        int offset = value & 0x7F;
        int segmentBase = table[index];
        // The C++ stores the slope in an int16_t before using it.
        int slope = (short)(table[index + 1] - table[index]);
        int delta = (slope * offset + 64) >> 7;
        return (short)(segmentBase + delta);
    }

    private static float Round(float value) => QuantizationMath.RoundHalfAwayFromZero(value);

    // std::min(std::max(x, lo), hi) on floats.
    private static float Clamp(float value, float low, float high)
    {
        float raised = value < low ? low : value;
        return high < raised ? high : raised;
    }
}
