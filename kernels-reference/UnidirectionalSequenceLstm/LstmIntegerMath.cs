using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLM's integer LSTM (lstm_eval.h / lstm_eval.cc, <c>EvalLstm</c> with int16 cell state): int8 activations with
/// int32 bias, or int16 activations with int64 bias, int8 weights. Gate pre-activations are Q3.12, gate outputs
/// Q0.15, the cell state has a power-of-two scale. Per step: forget, input and cell gates, cell update, output
/// gate, hidden update, copy of the hidden state to the output. Pure functions over spans.
/// </summary>
public static class LstmIntegerMath
{
    /// <summary>Runs the whole sequence for int8 activations.</summary>
    public static void EvalInt8(in UnidirectionalSequenceLstmOpData data, ReadOnlySpan<sbyte> input,
        in LstmGateTensors<sbyte, int> forget, in LstmGateTensors<sbyte, int> inputGate,
        in LstmGateTensors<sbyte, int> cellGate, in LstmGateTensors<sbyte, int> outputGate,
        Span<sbyte> hiddenState, Span<short> cellState, Span<sbyte> output,
        Span<short> buffer0, Span<short> buffer1, Span<short> buffer2, Span<short> buffer3)
    {
        LstmSizes sizes = data.Sizes;
        int outerCount = sizes.TimeMajor ? 1 : sizes.BatchSize;
        LstmStepCursor cursor = default;
        for (int outer = 0; outer < outerCount; outer++)
        {
            for (int t = 0; t < sizes.TimeSteps; t++)
            {
                StepInt8(data, cursor, input, forget, inputGate, cellGate, outputGate, hiddenState, cellState, output,
                    buffer0, buffer1, buffer2, buffer3);
                cursor.NextTime(sizes);
            }
            cursor.NextBatch(sizes);
        }
    }

    /// <summary>Runs the whole sequence for int16 activations.</summary>
    public static void EvalInt16(in UnidirectionalSequenceLstmOpData data, ReadOnlySpan<short> input,
        in LstmGateTensors<sbyte, long> forget, in LstmGateTensors<sbyte, long> inputGate,
        in LstmGateTensors<sbyte, long> cellGate, in LstmGateTensors<sbyte, long> outputGate,
        Span<short> hiddenState, Span<short> cellState, Span<short> output,
        Span<short> buffer0, Span<short> buffer1, Span<short> buffer2, Span<short> buffer3)
    {
        LstmSizes sizes = data.Sizes;
        int outerCount = sizes.TimeMajor ? 1 : sizes.BatchSize;
        LstmStepCursor cursor = default;
        for (int outer = 0; outer < outerCount; outer++)
        {
            for (int t = 0; t < sizes.TimeSteps; t++)
            {
                StepInt16(data, cursor, input, forget, inputGate, cellGate, outputGate, hiddenState, cellState, output,
                    buffer0, buffer1, buffer2, buffer3);
                cursor.NextTime(sizes);
            }
            cursor.NextBatch(sizes);
        }
    }

    private static void StepInt8(in UnidirectionalSequenceLstmOpData data, in LstmStepCursor cursor, ReadOnlySpan<sbyte> input,
        in LstmGateTensors<sbyte, int> forget, in LstmGateTensors<sbyte, int> inputGate,
        in LstmGateTensors<sbyte, int> cellGate, in LstmGateTensors<sbyte, int> outputGate,
        Span<sbyte> hiddenState, Span<short> cellState, Span<sbyte> output,
        Span<short> buffer0, Span<short> buffer1, Span<short> buffer2, Span<short> buffer3)
    {
        LstmSizes sizes = data.Sizes;
        int batches = sizes.StepBatches;
        int stateCount = batches * sizes.StateDimension;
        ReadOnlySpan<sbyte> stepInput = input.Slice(cursor.InputOffset, batches * sizes.InputDimension);
        Span<sbyte> hidden = hiddenState.Slice(cursor.StateOffset, stateCount);
        Span<short> cell = cellState.Slice(cursor.StateOffset, stateCount);
        Span<short> forgetOutput = buffer0.Slice(0, stateCount);
        Span<short> inputOutput = buffer1.Slice(0, stateCount);
        Span<short> cellOutput = buffer2.Slice(0, stateCount);
        Span<short> scratch = buffer3.Slice(0, stateCount);

        Gate(data.ForgetGate, sizes, stepInput, hidden, forget, forgetOutput, scratch, QuantizationMath.ActivationSigmoid);
        Gate(data.InputGate, sizes, stepInput, hidden, inputGate, inputOutput, scratch, QuantizationMath.ActivationSigmoid);
        Gate(data.CellGate, sizes, stepInput, hidden, cellGate, cellOutput, scratch, data.CellGateActivation);
        UpdateCell(data, cell, forgetOutput, inputOutput, cellOutput, inputOutput);

        // The output gate reuses buffer 1 and tanh(cell) reuses buffer 0, as TFLM does.
        Span<short> outputGateOutput = inputOutput;
        Gate(data.OutputGate, sizes, stepInput, hidden, outputGate, outputGateOutput, scratch, QuantizationMath.ActivationSigmoid);
        LstmInt16Activations.Tanh(data.CellStateScalePower, cell, forgetOutput);
        Multiply(data.OutputMul, forgetOutput, outputGateOutput, hidden);
        hidden.CopyTo(output.Slice(cursor.OutputOffset, stateCount));
    }

    private static void StepInt16(in UnidirectionalSequenceLstmOpData data, in LstmStepCursor cursor, ReadOnlySpan<short> input,
        in LstmGateTensors<sbyte, long> forget, in LstmGateTensors<sbyte, long> inputGate,
        in LstmGateTensors<sbyte, long> cellGate, in LstmGateTensors<sbyte, long> outputGate,
        Span<short> hiddenState, Span<short> cellState, Span<short> output,
        Span<short> buffer0, Span<short> buffer1, Span<short> buffer2, Span<short> buffer3)
    {
        LstmSizes sizes = data.Sizes;
        int batches = sizes.StepBatches;
        int stateCount = batches * sizes.StateDimension;
        ReadOnlySpan<short> stepInput = input.Slice(cursor.InputOffset, batches * sizes.InputDimension);
        Span<short> hidden = hiddenState.Slice(cursor.StateOffset, stateCount);
        Span<short> cell = cellState.Slice(cursor.StateOffset, stateCount);
        Span<short> forgetOutput = buffer0.Slice(0, stateCount);
        Span<short> inputOutput = buffer1.Slice(0, stateCount);
        Span<short> cellOutput = buffer2.Slice(0, stateCount);
        Span<short> scratch = buffer3.Slice(0, stateCount);

        Gate(data.ForgetGate, sizes, stepInput, hidden, forget, forgetOutput, scratch, QuantizationMath.ActivationSigmoid);
        Gate(data.InputGate, sizes, stepInput, hidden, inputGate, inputOutput, scratch, QuantizationMath.ActivationSigmoid);
        Gate(data.CellGate, sizes, stepInput, hidden, cellGate, cellOutput, scratch, data.CellGateActivation);
        UpdateCell(data, cell, forgetOutput, inputOutput, cellOutput, inputOutput);

        Span<short> outputGateOutput = inputOutput;
        Gate(data.OutputGate, sizes, stepInput, hidden, outputGate, outputGateOutput, scratch, QuantizationMath.ActivationSigmoid);
        LstmInt16Activations.Tanh(data.CellStateScalePower, cell, forgetOutput);
        Multiply(data.OutputMul, forgetOutput, outputGateOutput, hidden);
        hidden.CopyTo(output.Slice(cursor.OutputOffset, stateCount));
    }

    /// <summary>gate = activation(FC(input) + bias + FC(hidden)), int8 activations.</summary>
    public static void Gate(in LstmGateParams p, in LstmSizes sizes, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> hidden,
        in LstmGateTensors<sbyte, int> tensors, Span<short> gate, Span<short> scratch, int activation)
    {
        int batches = sizes.StepBatches;
        FullyConnected(p.Input, input, tensors.InputWeights, tensors.Bias, gate, batches, sizes.InputDimension, sizes.StateDimension);
        FullyConnected(p.Recurrent, hidden, tensors.RecurrentWeights, default, scratch, batches, sizes.StateDimension, sizes.StateDimension);
        AddSaturating(gate, scratch, gate);
        Activate(activation, gate);
    }

    /// <summary>gate = activation(FC(input) + bias + FC(hidden)), int16 activations.</summary>
    public static void Gate(in LstmGateParams p, in LstmSizes sizes, ReadOnlySpan<short> input, ReadOnlySpan<short> hidden,
        in LstmGateTensors<sbyte, long> tensors, Span<short> gate, Span<short> scratch, int activation)
    {
        int batches = sizes.StepBatches;
        FullyConnected(p.Input, input, tensors.InputWeights, tensors.Bias, gate, batches, sizes.InputDimension, sizes.StateDimension);
        FullyConnected(p.Recurrent, hidden, tensors.RecurrentWeights, default, scratch, batches, sizes.StateDimension, sizes.StateDimension);
        AddSaturating(gate, scratch, gate);
        Activate(activation, gate);
    }

    /// <summary>
    /// cell = forget ⊙ cell + input ⊙ cellGate (each product requantized to the cell scale, the sum saturated to
    /// int16), then clipped when the op has a cell clip. <paramref name="product"/> may alias <paramref name="inputGate"/>.
    /// </summary>
    public static void UpdateCell(in UnidirectionalSequenceLstmOpData data, Span<short> cell, ReadOnlySpan<short> forgetGate,
        ReadOnlySpan<short> inputGate, ReadOnlySpan<short> cellGate, Span<short> product)
    {
        Multiply(data.ForgetCellMul, forgetGate, cell, cell);
        Multiply(data.InputMul, inputGate, cellGate, product);
        AddSaturating(cell, product, cell);
        // TFLM tests the float option, then clips with the quantized value.
        if (data.CellClip > 0.0f) Clip(cell, data.QuantizedCellClip);
    }

    /// <summary>
    /// reference_integer_ops::FullyConnected, int8 input → int16 output: Σ (w + weightsOffset)(x + inputOffset) in
    /// int32, plus bias, requantized, offset and clamped.
    /// </summary>
    public static void FullyConnected(in LstmFullyConnectedParams p, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> weights,
        ReadOnlySpan<int> bias, Span<short> output, int batches, int inputDepth, int outputDepth)
    {
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<sbyte> row = input.Slice(b * inputDepth, inputDepth);
            for (int o = 0; o < outputDepth; o++)
            {
                ReadOnlySpan<sbyte> w = weights.Slice(o * inputDepth, inputDepth);
                int accumulator = 0;
                for (int d = 0; d < inputDepth; d++)
                    accumulator = unchecked(accumulator + (w[d] + p.WeightsOffset) * (row[d] + p.InputOffset));
                if (!bias.IsEmpty) accumulator = unchecked(accumulator + bias[o]);
                int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, p.Multiplier, p.Shift) + p.OutputOffset;
                output[b * outputDepth + o] = (short)ActivationMath.Clamp(scaled, p.ActivationMin, p.ActivationMax);
            }
        }
    }

    /// <summary>
    /// reference_integer_ops::FullyConnected, int16 input → int16 output with an int64 accumulator: no input or
    /// output offset (int16 activations are symmetric in TFLM).
    /// </summary>
    public static void FullyConnected(in LstmFullyConnectedParams p, ReadOnlySpan<short> input, ReadOnlySpan<sbyte> weights,
        ReadOnlySpan<long> bias, Span<short> output, int batches, int inputDepth, int outputDepth)
    {
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<short> row = input.Slice(b * inputDepth, inputDepth);
            for (int o = 0; o < outputDepth; o++)
            {
                ReadOnlySpan<sbyte> w = weights.Slice(o * inputDepth, inputDepth);
                long accumulator = 0;
                for (int d = 0; d < inputDepth; d++) accumulator += (w[d] + p.WeightsOffset) * row[d];
                if (!bias.IsEmpty) accumulator += bias[o];
                int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, p.Multiplier, p.Shift);
                output[b * outputDepth + o] = (short)ActivationMath.Clamp(scaled, p.ActivationMin, p.ActivationMax);
            }
        }
    }

    /// <summary>Element-wise int16 sum saturated to the int16 range; output may alias either input.</summary>
    public static void AddSaturating(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
            output[i] = (short)ActivationMath.Clamp(a[i] + b[i], short.MinValue, short.MaxValue);
    }

    /// <summary>The gate non-linearity on Q3.12 values, in place: sigmoid, or tanh (the only two TFLM allows).</summary>
    public static void Activate(int activation, Span<short> values)
    {
        if (activation == QuantizationMath.ActivationTanh) LstmInt16Activations.Tanh(-12, values, values);
        else LstmInt16Activations.Sigmoid(values, values);
    }

    /// <summary>reference_integer_ops::MulElementwise into int16; output may alias an input.</summary>
    public static void Multiply(in LstmMulParams p, ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            int value = p.OutputOffset + FixedPointMath.MultiplyByQuantizedMultiplier(a[i] * b[i], p.Multiplier, p.Shift);
            output[i] = (short)ActivationMath.Clamp(value, p.ActivationMin, p.ActivationMax);
        }
    }

    /// <summary>reference_integer_ops::MulElementwise into int8 (the hidden state, possibly asymmetric).</summary>
    public static void Multiply(in LstmMulParams p, ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<sbyte> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            int value = p.OutputOffset + FixedPointMath.MultiplyByQuantizedMultiplier(a[i] * b[i], p.Multiplier, p.Shift);
            output[i] = (sbyte)ActivationMath.Clamp(value, p.ActivationMin, p.ActivationMax);
        }
    }

    /// <summary>max(min(clip, v), −clip) per value, TFLM's int16 <c>Clipping</c>.</summary>
    public static void Clip(Span<short> values, short clip)
    {
        int negative = -clip;
        for (int i = 0; i < values.Length; i++)
        {
            int v = values[i];
            int upper = v < clip ? v : clip;
            values[i] = (short)(upper < negative ? negative : upper);
        }
    }
}
