using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SVDF arithmetic as TFLM's svdf_common.cc does it: shift the state one step left, write the feature matmul of
/// this step into the newest column, take the dot product of every filter's memory with its time weights, sum
/// groups of <c>rank</c> filters into units, add the bias and (integer) requantize or (float) activate.
/// </summary>
public static class SvdfMath
{
    public static void EvalFloat(SvdfShape shape, ReadOnlySpan<float> input, ReadOnlySpan<float> weightsFeature,
        ReadOnlySpan<float> weightsTime, ReadOnlySpan<float> bias, Span<float> state, Span<float> scratch,
        Span<float> output, int activation)
    {
        int memory = shape.MemorySize;
        int filters = shape.Filters;
        ShiftLeft(state.Slice(0, shape.Batches * filters * memory));
        for (int b = 0; b < shape.Batches; b++)
        {
            ReadOnlySpan<float> row = input.Slice(b * shape.InputSize, shape.InputSize);
            for (int f = 0; f < filters; f++)
            {
                ReadOnlySpan<float> weights = weightsFeature.Slice(f * shape.InputSize, shape.InputSize);
                float dot = 0.0f;
                for (int i = 0; i < shape.InputSize; i++) dot += weights[i] * row[i];
                state[(b * filters + f) * memory + memory - 1] = dot;
            }
        }

        for (int b = 0; b < shape.Batches; b++)
        {
            for (int f = 0; f < filters; f++)
            {
                ReadOnlySpan<float> history = state.Slice((b * filters + f) * memory, memory);
                ReadOnlySpan<float> weights = weightsTime.Slice(f * memory, memory);
                float dot = 0.0f;
                for (int m = 0; m < memory; m++) dot += weights[m] * history[m];
                scratch[b * filters + f] = dot;
            }
        }

        for (int b = 0; b < shape.Batches; b++)
        {
            for (int u = 0; u < shape.Units; u++)
            {
                float sum = bias.IsEmpty ? 0.0f : bias[u];
                for (int r = 0; r < shape.Rank; r++) sum += scratch[b * filters + u * shape.Rank + r];
                output[b * shape.Units + u] = ActivateFloat(activation, sum);
            }
        }
    }

    /// <summary>Integer SVDF with an int16 state and int16 time weights.</summary>
    public static void EvalInt16State(SvdfShape shape, SvdfQuantization q, ReadOnlySpan<sbyte> input,
        ReadOnlySpan<sbyte> weightsFeature, ReadOnlySpan<short> weightsTime, ReadOnlySpan<int> bias, Span<short> state,
        Span<int> scratch, Span<int> scratchOutput, Span<sbyte> output)
    {
        int memory = shape.MemorySize;
        int filters = shape.Filters;
        ShiftLeft(state.Slice(0, shape.Batches * filters * memory));
        for (int b = 0; b < shape.Batches; b++)
        {
            for (int f = 0; f < filters; f++)
            {
                int value = FeatureDot(input.Slice(b * shape.InputSize, shape.InputSize),
                    weightsFeature.Slice(f * shape.InputSize, shape.InputSize), q);
                state[(b * filters + f) * memory + memory - 1] = (short)ActivationMath.Clamp(value, short.MinValue, short.MaxValue);
            }
        }

        for (int b = 0; b < shape.Batches; b++)
        {
            for (int f = 0; f < filters; f++)
            {
                Span<short> history = state.Slice((b * filters + f) * memory, memory);
                ReadOnlySpan<short> weights = weightsTime.Slice(f * memory, memory);
                int dot = 0;
                for (int m = 0; m < memory; m++) dot += weights[m] * (history[m] - q.StateZeroPoint);
                scratch[b * filters + f] = dot;
            }
        }
        ReduceAndRequantize(shape, q, bias, scratch, scratchOutput, output);
    }

    /// <summary>Integer SVDF with an int8 state and int8 time weights.</summary>
    public static void EvalInt8State(SvdfShape shape, SvdfQuantization q, ReadOnlySpan<sbyte> input,
        ReadOnlySpan<sbyte> weightsFeature, ReadOnlySpan<sbyte> weightsTime, ReadOnlySpan<int> bias, Span<sbyte> state,
        Span<int> scratch, Span<int> scratchOutput, Span<sbyte> output)
    {
        int memory = shape.MemorySize;
        int filters = shape.Filters;
        ShiftLeft(state.Slice(0, shape.Batches * filters * memory));
        for (int b = 0; b < shape.Batches; b++)
        {
            for (int f = 0; f < filters; f++)
            {
                int value = FeatureDot(input.Slice(b * shape.InputSize, shape.InputSize),
                    weightsFeature.Slice(f * shape.InputSize, shape.InputSize), q);
                state[(b * filters + f) * memory + memory - 1] = (sbyte)ActivationMath.Clamp(value, sbyte.MinValue, sbyte.MaxValue);
            }
        }

        for (int b = 0; b < shape.Batches; b++)
        {
            for (int f = 0; f < filters; f++)
            {
                Span<sbyte> history = state.Slice((b * filters + f) * memory, memory);
                ReadOnlySpan<sbyte> weights = weightsTime.Slice(f * memory, memory);
                int dot = 0;
                for (int m = 0; m < memory; m++) dot += weights[m] * (history[m] - q.StateZeroPoint);
                scratch[b * filters + f] = dot;
            }
        }
        ReduceAndRequantize(shape, q, bias, scratch, scratchOutput, output);
    }

    /// <summary>
    /// One filter's feature dot product requantized into the state's scale. The state zero point is added before
    /// the caller clamps to the state type (as TFLM does), so an int8 state cannot wrap around.
    /// </summary>
    private static int FeatureDot(ReadOnlySpan<sbyte> row, ReadOnlySpan<sbyte> weights, SvdfQuantization q)
    {
        int dot = 0;
        for (int i = 0; i < row.Length; i++) dot += weights[i] * (row[i] - q.InputZeroPoint);
        return q.StateZeroPoint + FixedPointMath.MultiplyByQuantizedMultiplier(dot, q.FeatureMultiplier, q.FeatureShift);
    }

    /// <summary>Bias (or zero), rank reduction, requantization to int8. TFLM applies no fused activation here.</summary>
    private static void ReduceAndRequantize(SvdfShape shape, SvdfQuantization q, ReadOnlySpan<int> bias,
        ReadOnlySpan<int> scratch, Span<int> scratchOutput, Span<sbyte> output)
    {
        int units = shape.Units;
        for (int b = 0; b < shape.Batches; b++)
        {
            for (int u = 0; u < units; u++) scratchOutput[b * units + u] = bias.IsEmpty ? 0 : bias[u];
        }
        for (int b = 0; b < shape.Batches; b++)
        {
            int next = b * shape.Filters;
            for (int u = 0; u < units; u++)
            {
                for (int r = 0; r < shape.Rank; r++) scratchOutput[b * units + u] += scratch[next++];
            }
        }
        for (int i = 0; i < shape.Batches * units; i++)
        {
            int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(scratchOutput[i], q.OutputMultiplier, q.OutputShift);
            output[i] = (sbyte)ActivationMath.Clamp(scaled + q.OutputZeroPoint, sbyte.MinValue, sbyte.MaxValue);
        }
    }

    /// <summary>Moves every value one slot toward the start; the last slot keeps its old value (overwritten next).</summary>
    private static void ShiftLeft<T>(Span<T> values) where T : unmanaged
    {
        for (int i = 0; i + 1 < values.Length; i++) values[i] = values[i + 1];
    }

    /// <summary>TFLM's <c>ActivationValFloat</c>. Tanh and sigmoid call MathF (expf/tanhf on the device).</summary>
    public static float ActivateFloat(int activation, float x)
    {
        switch (activation)
        {
            case QuantizationMath.ActivationRelu: return x < 0.0f ? 0.0f : x;
            case QuantizationMath.ActivationReluN1To1: return x > 1.0f ? 1.0f : (x < -1.0f ? -1.0f : x);
            case QuantizationMath.ActivationRelu6: return x > 6.0f ? 6.0f : (x < 0.0f ? 0.0f : x);
            case QuantizationMath.ActivationTanh: return MathF.Tanh(x);
            case QuantizationMath.ActivationSignBit: return x < 0.0f || (x == 0.0f && 1.0f / x < 0.0f) ? 1.0f : 0.0f;
            case QuantizationMath.ActivationSigmoid: return 1.0f / (1.0f + MathF.Exp(-x));
            default: return x;
        }
    }
}
