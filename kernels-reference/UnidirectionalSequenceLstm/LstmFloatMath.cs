using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLM's float LSTM (<c>EvalLstm&lt;float, float, float, float&gt;</c>): the same step structure as the integer
/// kernel with float fully connected, element-wise products and sums, <c>reference_ops::Logistic</c> (with its
/// cut-offs) and <c>std::tanh</c>. Uses <c>MathF.Exp</c> and <c>MathF.Tanh</c> (expf/tanhf on the device).
/// </summary>
public static class LstmFloatMath
{
    /// <summary>The largest finite float: TFLM clamps "no activation" outputs to ±FLT_MAX.</summary>
    private const float FloatMax = 3.40282347e+38f;

    public static void Eval(in UnidirectionalSequenceLstmOpData data, ReadOnlySpan<float> input,
        in LstmGateTensors<float, float> forget, in LstmGateTensors<float, float> inputGate,
        in LstmGateTensors<float, float> cellGate, in LstmGateTensors<float, float> outputGate,
        Span<float> hiddenState, Span<float> cellState, Span<float> output,
        Span<float> buffer0, Span<float> buffer1, Span<float> buffer2, Span<float> buffer3)
    {
        LstmSizes sizes = data.Sizes;
        int outerCount = sizes.TimeMajor ? 1 : sizes.BatchSize;
        int batches = sizes.StepBatches;
        int stateCount = batches * sizes.StateDimension;
        Span<float> forgetOutput = buffer0.Slice(0, stateCount);
        Span<float> inputOutput = buffer1.Slice(0, stateCount);
        Span<float> cellOutput = buffer2.Slice(0, stateCount);
        Span<float> scratch = buffer3.Slice(0, stateCount);
        LstmStepCursor cursor = default;
        for (int outer = 0; outer < outerCount; outer++)
        {
            for (int t = 0; t < sizes.TimeSteps; t++)
            {
                ReadOnlySpan<float> stepInput = input.Slice(cursor.InputOffset, batches * sizes.InputDimension);
                Span<float> hidden = hiddenState.Slice(cursor.StateOffset, stateCount);
                Span<float> cell = cellState.Slice(cursor.StateOffset, stateCount);

                Gate(sizes, stepInput, hidden, forget, forgetOutput, scratch, QuantizationMath.ActivationSigmoid);
                Gate(sizes, stepInput, hidden, inputGate, inputOutput, scratch, QuantizationMath.ActivationSigmoid);
                Gate(sizes, stepInput, hidden, cellGate, cellOutput, scratch, data.CellGateActivation);
                UpdateCell(data.CellClip, cell, forgetOutput, inputOutput, cellOutput, inputOutput);

                // Buffer reuse as in TFLM: output gate in buffer 1, tanh(cell) in buffer 0.
                Gate(sizes, stepInput, hidden, outputGate, inputOutput, scratch, QuantizationMath.ActivationSigmoid);
                for (int i = 0; i < stateCount; i++) forgetOutput[i] = MathF.Tanh(cell[i]);
                Multiply(forgetOutput, inputOutput, hidden);
                hidden.CopyTo(output.Slice(cursor.OutputOffset, stateCount));
                cursor.NextTime(sizes);
            }
            cursor.NextBatch(sizes);
        }
    }

    /// <summary>gate = activation(FC(input) + bias + FC(hidden)).</summary>
    public static void Gate(in LstmSizes sizes, ReadOnlySpan<float> input, ReadOnlySpan<float> hidden,
        in LstmGateTensors<float, float> tensors, Span<float> gate, Span<float> scratch, int activation)
    {
        int batches = sizes.StepBatches;
        FullyConnected(input, tensors.InputWeights, tensors.Bias, gate, batches, sizes.InputDimension, sizes.StateDimension);
        FullyConnected(hidden, tensors.RecurrentWeights, default, scratch, batches, sizes.StateDimension, sizes.StateDimension);
        for (int i = 0; i < gate.Length; i++) gate[i] = gate[i] + scratch[i];
        if (activation == QuantizationMath.ActivationTanh)
        {
            for (int i = 0; i < gate.Length; i++) gate[i] = MathF.Tanh(gate[i]);
        }
        else
        {
            for (int i = 0; i < gate.Length; i++) gate[i] = Logistic(gate[i]);
        }
    }

    /// <summary>cell = forget ⊙ cell + input ⊙ cellGate, clipped to ±clip when clip &gt; 0; product may alias inputGate.</summary>
    public static void UpdateCell(float clip, Span<float> cell, ReadOnlySpan<float> forgetGate, ReadOnlySpan<float> inputGate,
        ReadOnlySpan<float> cellGate, Span<float> product)
    {
        Multiply(forgetGate, cell, cell);
        Multiply(inputGate, cellGate, product);
        for (int i = 0; i < cell.Length; i++) cell[i] = cell[i] + product[i];
        if (clip > 0.0f)
        {
            for (int i = 0; i < cell.Length; i++)
            {
                // std::max(std::min(clip, v), -clip): min keeps v only if v < clip, max keeps it unless it is < -clip.
                float v = cell[i];
                float upper = v < clip ? v : clip;
                cell[i] = upper < -clip ? -clip : upper;
            }
        }
    }

    /// <summary>reference_ops::FullyConnected: float dot product in input order, plus bias (0 when absent), clamped.</summary>
    public static void FullyConnected(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
        Span<float> output, int batches, int inputDepth, int outputDepth)
    {
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<float> row = input.Slice(b * inputDepth, inputDepth);
            for (int o = 0; o < outputDepth; o++)
            {
                ReadOnlySpan<float> w = weights.Slice(o * inputDepth, inputDepth);
                float total = 0.0f;
                for (int d = 0; d < inputDepth; d++) total += row[d] * w[d];
                float biasValue = bias.IsEmpty ? 0.0f : bias[o];
                output[b * outputDepth + o] = ActivationMath.Clamp(total + biasValue, -FloatMax, FloatMax);
            }
        }
    }

    /// <summary>reference_ops::Mul with no activation (clamped to ±FLT_MAX); output may alias an input.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = ActivationMath.Clamp(a[i] * b[i], -FloatMax, FloatMax);
    }

    /// <summary>reference_ops::Logistic for float: 1 above 16.619…, exp(x) below −9, else 1 / (1 + exp(−x)).</summary>
    public static float Logistic(float x)
    {
        const float cutoffUpper = 16.619047164916992188f;
        const float cutoffLower = -9.0f;
        if (x > cutoffUpper) return 1.0f;
        if (x < cutoffLower) return MathF.Exp(x);
        return 1.0f / (1.0f + MathF.Exp(-x));
    }
}
