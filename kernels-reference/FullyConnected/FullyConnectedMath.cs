using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FULLY_CONNECTED arithmetic as TFLM's reference kernels do it (reference/fully_connected.h and
/// reference/integer_ops/fully_connected.h): output[b, o] = act(Σ_d input[b, d] · filter[o, d] + bias[o]).
/// Same accumulation order, accumulator width and requantization, so results match bit for bit.
/// </summary>
public static class FullyConnectedMath
{
    /// <summary>float32: accumulate in input order, then add the bias, then clamp.</summary>
    public static void EvalFloat(
        ReadOnlySpan<float> input, ReadOnlySpan<float> filter, ReadOnlySpan<float> bias, Span<float> output,
        int batches, int accumulationDepth, int outputDepth, float activationMin, float activationMax)
    {
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<float> row = input.Slice(b * accumulationDepth, accumulationDepth);
            for (int o = 0; o < outputDepth; o++)
            {
                ReadOnlySpan<float> weights = filter.Slice(o * accumulationDepth, accumulationDepth);
                float total = 0f;
                for (int d = 0; d < accumulationDepth; d++) total += row[d] * weights[d];
                float biasValue = bias.IsEmpty ? 0f : bias[o];
                output[b * outputDepth + o] = ActivationMath.Clamp(total + biasValue, activationMin, activationMax);
            }
        }
    }

    /// <summary>
    /// int8 activations × int8 weights, int32 bias: int32 accumulator of (filter + filterOffset)·(input + inputOffset),
    /// requantized with one multiplier per tensor (<paramref name="shifts"/> of length 1) or per output channel.
    /// </summary>
    /// <remarks>
    /// Pointers into spans sliced to the lengths read (checked once) and the unrolled <see cref="Int8DotProduct"/>,
    /// four output rows per pass (then a pair): this loop is all of the MLPerf anomaly-detection model. Weights are symmetric in
    /// practice (filterOffset 0); other weights take the one-row loop that adds their offset.
    /// </remarks>
    public static unsafe void EvalInt8(
        ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<sbyte> output,
        int batches, int accumulationDepth, int outputDepth,
        int inputOffset, int filterOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        bool perChannel = multipliers.Length > 1;
        int channels = perChannel ? outputDepth : 1;
        input = input.Slice(0, batches * accumulationDepth);
        filter = filter.Slice(0, outputDepth * accumulationDepth);
        output = output.Slice(0, batches * outputDepth);
        multipliers = multipliers.Slice(0, channels);
        shifts = shifts.Slice(0, channels);
        if (!bias.IsEmpty) bias = bias.Slice(0, outputDepth);
        fixed (sbyte* inputStart = input)
        fixed (sbyte* filterStart = filter)
        fixed (sbyte* outputStart = output)
        fixed (int* biasStart = bias)
        fixed (int* multiplierStart = multipliers)
        fixed (int* shiftStart = shifts)
        {
            sbyte* outputPointer = outputStart;
            for (int b = 0; b < batches; b++)
            {
                sbyte* row = inputStart + b * accumulationDepth;
                sbyte* weights = filterStart;
                int o = 0;
                if (filterOffset == 0)
                {
                    // Four output rows per pass over the input row (each input value loaded once for all four),
                    // then a pair.
                    for (; o <= outputDepth - 4; o += 4, weights += 4 * accumulationDepth)
                    {
                        Int8DotProduct.WithValueOffsetFourRows(row, weights, weights + accumulationDepth, weights + 2 * accumulationDepth,
                            weights + 3 * accumulationDepth, accumulationDepth, inputOffset,
                            out int accumulator0, out int accumulator1, out int accumulator2, out int accumulator3);
                        outputPointer[0] = Requantize(accumulator0, o, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer[1] = Requantize(accumulator1, o + 1, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer[2] = Requantize(accumulator2, o + 2, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer[3] = Requantize(accumulator3, o + 3, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer += 4;
                    }
                    if (o <= outputDepth - 2)
                    {
                        Int8DotProduct.WithValueOffsetTwoRows(row, weights, weights + accumulationDepth, accumulationDepth, inputOffset,
                            out int accumulator0, out int accumulator1);
                        outputPointer[0] = Requantize(accumulator0, o, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer[1] = Requantize(accumulator1, o + 1, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                        outputPointer += 2;
                        o += 2;
                        weights += 2 * accumulationDepth;
                    }
                }
                for (; o < outputDepth; o++, weights += accumulationDepth)
                {
                    int accumulator = Int8DotProduct.WithOffsets(row, weights, accumulationDepth, inputOffset, filterOffset);
                    *outputPointer++ = Requantize(accumulator, o, biasStart, multiplierStart, shiftStart, perChannel, outputOffset, activationMin, activationMax);
                }
            }
        }
    }

    /// <summary>+ bias[o], requantized with output o's (or the tensor's) multiplier, + output zero point, clamped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe sbyte Requantize(int accumulator, int o, int* bias, int* multipliers, int* shifts, bool perChannel,
        int outputOffset, int activationMin, int activationMax)
    {
        if (bias != null) accumulator += bias[o];
        int channel = perChannel ? o : 0;
        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, multipliers[channel], shifts[channel]) + outputOffset;
        return (sbyte)ActivationMath.Clamp(scaled, activationMin, activationMax);
    }

    /// <summary>
    /// int16 activations × int8 weights (16x8): int64 accumulator and bias (int64 or int32 widened), requantized
    /// with the int64 multiplier path.
    /// </summary>
    public static void EvalInt16(
        ReadOnlySpan<short> input, ReadOnlySpan<sbyte> filter, ReadOnlySpan<long> bias64, ReadOnlySpan<int> bias32,
        Span<short> output, int batches, int accumulationDepth, int outputDepth,
        int inputOffset, int filterOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        bool perChannel = multipliers.Length > 1;
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<short> row = input.Slice(b * accumulationDepth, accumulationDepth);
            for (int o = 0; o < outputDepth; o++)
            {
                ReadOnlySpan<sbyte> weights = filter.Slice(o * accumulationDepth, accumulationDepth);
                long accumulator = 0;
                for (int d = 0; d < accumulationDepth; d++)
                {
                    accumulator += (long)(weights[d] + filterOffset) * (row[d] + inputOffset);
                }
                if (!bias64.IsEmpty) accumulator += bias64[o];
                else if (!bias32.IsEmpty) accumulator += bias32[o];
                int channel = perChannel ? o : 0;
                int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, multipliers[channel], shifts[channel]);
                scaled += outputOffset;
                output[b * outputDepth + o] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
            }
        }
    }
}
