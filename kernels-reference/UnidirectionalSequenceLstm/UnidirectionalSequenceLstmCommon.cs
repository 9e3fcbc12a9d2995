using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// UNIDIRECTIONAL_SEQUENCE_LSTM's Init and Prepare, shared with ports (TFLM's unidirectional_sequence_lstm.cc and
/// lstm_eval_common.cc): validates the 24 inputs (standard LSTM only: no peephole, projection or layer norm),
/// derives the sizes, the gate fully-connected and inter-gate multiplication parameters, and requests four
/// scratch buffers of batch × state cell values.
/// </summary>
public static unsafe class UnidirectionalSequenceLstmCommon
{
    // Input slots (TFLM's lstm_shared.h).
    public const int InputTensor = 0;
    public const int InputToInputWeightsTensor = 1;
    public const int InputToForgetWeightsTensor = 2;
    public const int InputToCellWeightsTensor = 3;
    public const int InputToOutputWeightsTensor = 4;
    public const int RecurrentToInputWeightsTensor = 5;
    public const int RecurrentToForgetWeightsTensor = 6;
    public const int RecurrentToCellWeightsTensor = 7;
    public const int RecurrentToOutputWeightsTensor = 8;
    public const int CellToInputWeightsTensor = 9;
    public const int CellToOutputWeightsTensor = 11;
    public const int InputGateBiasTensor = 12;
    public const int ForgetGateBiasTensor = 13;
    public const int CellGateBiasTensor = 14;
    public const int OutputGateBiasTensor = 15;
    public const int ProjectionWeightsTensor = 16;
    public const int ProjectionBiasTensor = 17;
    public const int HiddenStateTensor = 18;
    public const int CellStateTensor = 19;
    public const int InputLayerNormTensor = 20;
    public const int OutputLayerNormTensor = 23;
    public const int InputCount = 24;
    public const int OutputTensor = 0;

    /// <summary>2^-12: the scale of the gate pre-activations (Q3.12), the input of the int16 sigmoid/tanh.</summary>
    private const float GateInputScale = 0.000244140625f;

    /// <summary>2^-15: the scale of the gate outputs (Q0.15).</summary>
    private const float GateOutputScale = 0.000030517578125f;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(UnidirectionalSequenceLstmOpData));
        if (data == null) return context.Errors.LastStatus;
        *(UnidirectionalSequenceLstmOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        UnidirectionalSequenceLstmOpData* data = (UnidirectionalSequenceLstmOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != InputCount || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 24 inputs (optional ones as -1) and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        Status status = ValidatePresence(context, ref node);
        if (status != Status.Ok) return status;

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo hidden = context.GetInputInfo(ref node, HiddenStateTensor);
        TensorInfo cell = context.GetInputInfo(ref node, CellStateTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        UnidirectionalSequenceLSTMOptions options = new UnidirectionalSequenceLSTMOptions(node.BuiltinOptions);

        int activation = (int)options.FusedActivationFunction;
        if (activation != QuantizationMath.ActivationTanh && activation != QuantizationMath.ActivationSigmoid)
            return errors.Fail(Status.Error, "cell gate activation "u8).Append(activation)
                .Append(" is not supported (only TANH and SIGMOID)"u8);
        data->CellGateActivation = activation;

        if (input.Rank != 3)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have 3 dimensions, has "u8).Append(input.Rank);
        if (hidden.Rank != 2)
            return errors.Fail(Status.Error, "hidden state tensor "u8).Append(hidden.Index).Append(" must have 2 dimensions, has "u8)
                .Append(hidden.Rank);
        bool timeMajor = options.TimeMajor;
        LstmSizes sizes;
        sizes.TimeMajor = timeMajor;
        sizes.BatchSize = timeMajor ? input.Dim(1) : input.Dim(0);
        sizes.TimeSteps = timeMajor ? input.Dim(0) : input.Dim(1);
        sizes.InputDimension = input.Dim(2);
        sizes.StateDimension = hidden.Dim(1);
        data->Sizes = sizes;

        status = ValidateSizes(context, ref node, sizes, input, hidden, cell, output);
        if (status != Status.Ok) return status;

        float cellClip = options.CellClip;
        if (!(cellClip >= 0.0f))
            return errors.Fail(Status.Error, "cell clip "u8).Append(cellClip).Append(" must be >= 0 (0 disables clipping)"u8);
        data->CellClip = cellClip;

        if (input.Type == TensorType.Float32)
        {
            status = ValidateTypes(context, ref node, TensorType.Float32, TensorType.Float32, TensorType.Float32);
            if (status != Status.Ok) return status;
            data->CellStateScalePower = 0;
            data->QuantizedCellClip = 0;
            return RequestBuffers(context, data, sizeof(float));
        }
        if (input.Type == TensorType.Int8) status = ValidateTypes(context, ref node, TensorType.Int8, TensorType.Int32, TensorType.Int16);
        else if (input.Type == TensorType.Int16) status = ValidateTypes(context, ref node, TensorType.Int8, TensorType.Int64, TensorType.Int16);
        else return context.UnsupportedType(input, "input"u8);
        if (status != Status.Ok) return status;

        status = PrepareInteger(context, ref node, data, input, hidden, cell);
        if (status != Status.Ok) return status;
        return RequestBuffers(context, data, sizeof(short));
    }

    /// <summary>TFLM's <c>LstmTensors::ValidateTensorStatus</c> (presence, variables), minus the type checks done later.</summary>
    private static Status ValidatePresence(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.OutputIndex(OutputTensor) < 0) return errors.Fail(Status.Error, "the output tensor is missing"u8);
        for (int i = InputTensor; i <= RecurrentToOutputWeightsTensor; i++)
        {
            if (!KernelContext.HasInput(ref node, i))
                return errors.Fail(Status.Error, "input "u8).Append(i)
                    .Append(" is missing: only the standard LSTM with all four gates (no CIFG) is supported"u8);
        }
        for (int i = InputGateBiasTensor; i <= OutputGateBiasTensor; i++)
        {
            if (!KernelContext.HasInput(ref node, i))
                return errors.Fail(Status.Error, "gate bias input "u8).Append(i).Append(" is missing"u8);
        }
        for (int i = CellToInputWeightsTensor; i <= CellToOutputWeightsTensor; i++)
        {
            if (KernelContext.HasInput(ref node, i))
                return errors.Fail(Status.Error, "peephole weights (input "u8).Append(i).Append(") are not supported"u8);
        }
        for (int i = ProjectionWeightsTensor; i <= ProjectionBiasTensor; i++)
        {
            if (KernelContext.HasInput(ref node, i))
                return errors.Fail(Status.Error, "projection (input "u8).Append(i).Append(") is not supported"u8);
        }
        for (int i = InputLayerNormTensor; i <= OutputLayerNormTensor; i++)
        {
            if (KernelContext.HasInput(ref node, i))
                return errors.Fail(Status.Error, "layer normalization (input "u8).Append(i).Append(") is not supported"u8);
        }
        if (!KernelContext.HasInput(ref node, HiddenStateTensor) || !context.GetInputInfo(ref node, HiddenStateTensor).IsVariable)
            return errors.Fail(Status.Error, "the hidden state (input 18) must be a variable tensor"u8);
        if (!KernelContext.HasInput(ref node, CellStateTensor) || !context.GetInputInfo(ref node, CellStateTensor).IsVariable)
            return errors.Fail(Status.Error, "the cell state (input 19) must be a variable tensor"u8);
        return Status.Ok;
    }

    /// <summary>TFLM's <c>ValidateTensorSize</c>: weights [state, input] and [state, state], biases [state], states and output.</summary>
    private static Status ValidateSizes(KernelContext context, ref Node node, LstmSizes sizes, TensorInfo input,
        TensorInfo hidden, TensorInfo cell, TensorInfo output)
    {
        ErrorReporter errors = context.Errors;
        int state = sizes.StateDimension;
        // The step loops slice one batch row (or one time step of all batches) at a time: nothing may be empty.
        if (sizes.BatchSize < 1 || sizes.TimeSteps < 1 || sizes.InputDimension < 1 || state < 1)
            return ShapeError(errors, "input"u8, input).Append(" with state size "u8).Append(state)
                .Append(": batch, time, input and state sizes must be at least 1"u8);
        for (int i = InputToInputWeightsTensor; i <= RecurrentToOutputWeightsTensor; i++)
        {
            TensorInfo weights = context.GetInputInfo(ref node, i);
            int columns = i <= InputToOutputWeightsTensor ? sizes.InputDimension : state;
            if (weights.Rank != 2 || weights.Dim(0) != state || weights.Dim(1) != columns)
                return ShapeError(errors, "weights"u8, weights).Append(", expected ["u8).Append(state).Append(',').Append(columns).Append(']');
        }
        for (int i = InputGateBiasTensor; i <= OutputGateBiasTensor; i++)
        {
            TensorInfo bias = context.GetInputInfo(ref node, i);
            if (bias.Rank != 1 || bias.Dim(0) != state)
                return ShapeError(errors, "bias"u8, bias).Append(", expected ["u8).Append(state).Append(']');
        }
        int stateCount = sizes.BatchSize * state;
        if (hidden.ElementCount != stateCount)
            return errors.Fail(Status.Error, "hidden state tensor "u8).Append(hidden.Index).Append(" has "u8).Append(hidden.ElementCount)
                .Append(" elements, expected batch × state = "u8).Append(stateCount);
        if (cell.ElementCount != stateCount)
            return errors.Fail(Status.Error, "cell state tensor "u8).Append(cell.Index).Append(" has "u8).Append(cell.ElementCount)
                .Append(" elements, expected batch × state = "u8).Append(stateCount);
        if (output.Rank != 3 || output.Dim(0) != input.Dim(0) || output.Dim(1) != input.Dim(1) || output.Dim(2) != state)
            return ShapeError(errors, "output"u8, output).Append(", expected ["u8).Append(input.Dim(0)).Append(',').Append(input.Dim(1))
                .Append(',').Append(state).Append(']');
        return Status.Ok;
    }

    /// <summary>All weights one type, all biases one type, states and output matching the input.</summary>
    private static Status ValidateTypes(KernelContext context, ref Node node, TensorType weightType, TensorType biasType,
        TensorType cellType)
    {
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        for (int i = InputToInputWeightsTensor; i <= RecurrentToOutputWeightsTensor; i++)
        {
            Status status = context.ExpectType(context.GetInputInfo(ref node, i), weightType, "weights"u8);
            if (status != Status.Ok) return status;
        }
        for (int i = InputGateBiasTensor; i <= OutputGateBiasTensor; i++)
        {
            Status status = context.ExpectType(context.GetInputInfo(ref node, i), biasType, "bias"u8);
            if (status != Status.Ok) return status;
        }
        Status result = context.ExpectType(context.GetInputInfo(ref node, HiddenStateTensor), input.Type, "hidden state"u8);
        if (result == Status.Ok) result = context.ExpectType(context.GetInputInfo(ref node, CellStateTensor), cellType, "cell state"u8);
        if (result == Status.Ok) result = context.ExpectType(context.GetOutputInfo(ref node, OutputTensor), input.Type, "output"u8);
        return result;
    }

    /// <summary>TFLM's <c>CreateLstmCellStateInfo</c> and <c>PrepareGateParametersInteger</c>.</summary>
    private static Status PrepareInteger(KernelContext context, ref Node node, UnidirectionalSequenceLstmOpData* data,
        TensorInfo input, TensorInfo hidden, TensorInfo cell)
    {
        ErrorReporter errors = context.Errors;
        if (!input.Quantization.HasQuantization || !hidden.Quantization.HasQuantization || !cell.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "the quantized LSTM needs quantization parameters on the input, hidden state and cell state"u8);
        float cellScale = cell.Quantization.Scale;
        if (!(cellScale > 0.0f) || !(cellScale < float.PositiveInfinity))
            return errors.Fail(Status.Error, "cell state tensor "u8).Append(cell.Index).Append(" scale "u8).Append(cellScale)
                .Append(" must be positive and finite"u8);
        data->CellStateScalePower = RoundedLog2(cellScale);
        data->QuantizedCellClip = QuantizeCellClip(data->CellClip, cellScale);

        Status status = PrepareGate(context, ref node, input, hidden, InputToForgetWeightsTensor, RecurrentToForgetWeightsTensor, &data->ForgetGate);
        if (status == Status.Ok) status = PrepareGate(context, ref node, input, hidden, InputToInputWeightsTensor, RecurrentToInputWeightsTensor, &data->InputGate);
        if (status == Status.Ok) status = PrepareGate(context, ref node, input, hidden, InputToCellWeightsTensor, RecurrentToCellWeightsTensor, &data->CellGate);
        if (status == Status.Ok) status = PrepareGate(context, ref node, input, hidden, InputToOutputWeightsTensor, RecurrentToOutputWeightsTensor, &data->OutputGate);
        if (status != Status.Ok) return status;

        bool ok = CreateMulParams(GateOutputScale, cellScale, cellScale, TensorType.Int16, 0, out data->ForgetCellMul)
            && CreateMulParams(GateOutputScale, GateOutputScale, cellScale, TensorType.Int16, 0, out data->InputMul)
            && CreateMulParams(GateOutputScale, GateOutputScale, hidden.Quantization.Scale, hidden.Type,
                hidden.Quantization.ZeroPoint, out data->OutputMul);
        if (!ok)
            return errors.Fail(Status.Error, "an inter-gate multiplier is not a finite number (check the hidden and cell state scales)"u8);
        return Status.Ok;
    }

    /// <summary>
    /// TFLM's <c>CreateGateParams</c>: two fully connected parameter sets into a symmetric int16 Q3.12 output, from
    /// the input (and its weights) and from the hidden state (and the recurrent weights). The bias-scale check is
    /// skipped, as in TFLM (the converter's bias scales do not pass it).
    /// </summary>
    private static Status PrepareGate(KernelContext context, ref Node node, TensorInfo input, TensorInfo hidden,
        int inputWeightsSlot, int recurrentWeightsSlot, LstmGateParams* gate)
    {
        Status status = PrepareFullyConnected(context, input, context.GetInputInfo(ref node, inputWeightsSlot), &gate->Input);
        if (status != Status.Ok) return status;
        return PrepareFullyConnected(context, hidden, context.GetInputInfo(ref node, recurrentWeightsSlot), &gate->Recurrent);
    }

    private static Status PrepareFullyConnected(KernelContext context, TensorInfo activation, TensorInfo weights,
        LstmFullyConnectedParams* p)
    {
        ErrorReporter errors = context.Errors;
        QuantizationInfo q = weights.Quantization;
        if (!q.HasQuantization)
            return errors.Fail(Status.Error, "weights tensor "u8).Append(weights.Index).Append(" needs quantization parameters"u8);
        if (q.IsPerChannel)
            return errors.Fail(Status.Error, "weights tensor "u8).Append(weights.Index)
                .Append(" is quantized per channel; the LSTM needs per-tensor weights"u8);
        // GetQuantizedConvolutionMultipler without bias: product of the scales in float, divided in double.
        if (!QuantizationMath.GetQuantizedConvolutionMultiplier(activation.Quantization.Scale, q.Scale, GateInputScale, out SoftDouble real)
            || !QuantizationMath.QuantizeMultiplier(real, out p->Multiplier, out p->Shift))
            return errors.Fail(Status.Error, "the multiplier for weights tensor "u8).Append(weights.Index)
                .Append(" is not valid (check its scale and the activation scale)"u8);
        p->InputOffset = -activation.Quantization.ZeroPoint;
        p->WeightsOffset = -q.ZeroPoint;
        p->OutputOffset = 0;
        p->ActivationMin = short.MinValue;
        p->ActivationMax = short.MaxValue;
        return Status.Ok;
    }

    /// <summary>
    /// TFLM's <c>CreateInterGateMulParams</c>: (double)s1 × (double)s2 / (double)out, quantized; output offset and
    /// the output type's full range.
    /// </summary>
    private static bool CreateMulParams(float input1Scale, float input2Scale, float outputScale, TensorType outputType,
        int outputZeroPoint, out LstmMulParams p)
    {
        p = default;
        p.OutputOffset = outputZeroPoint;
        if (outputType == TensorType.Int8)
        {
            p.ActivationMin = sbyte.MinValue;
            p.ActivationMax = sbyte.MaxValue;
        }
        else
        {
            p.ActivationMin = short.MinValue;
            p.ActivationMax = short.MaxValue;
        }
        SoftDouble effective = SoftDouble.FromFloat(input1Scale) * SoftDouble.FromFloat(input2Scale) / SoftDouble.FromFloat(outputScale);
        return QuantizationMath.QuantizeMultiplier(effective, out p.Multiplier, out p.Shift);
    }

    /// <summary>
    /// TFLM's <c>CheckedLog2</c> as the LSTM uses it: round(log2(scale)), the "is it a power of two" result
    /// ignored. Computed from the float's bits: the fractional part of log2 rounds up exactly when the mantissa is
    /// at least √2 (TFLM's float log may differ only for mantissas within an ulp or two of √2).
    /// </summary>
    public static int RoundedLog2(float scale)
    {
        int bits = *(int*)&scale;
        int biased = (bits >> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        int exponent;
        if (biased == 0)
        {
            // Subnormal: normalize the mantissa.
            exponent = -126;
            while ((mantissa & 0x800000) == 0)
            {
                mantissa <<= 1;
                exponent--;
            }
            mantissa &= 0x7FFFFF;
        }
        else
        {
            exponent = biased - 127;
        }
        // √2 as a float is 0x3FB504F3: mantissa bits 0x3504F3.
        return mantissa >= 0x3504F3 ? exponent + 1 : exponent;
    }

    /// <summary>
    /// TFLM's quantized cell clip: (int16)min(max((double)clip / (double)scale, -32768), 32767), truncated toward zero.
    /// </summary>
    public static short QuantizeCellClip(float clip, float cellScale)
    {
        SoftDouble ratio = SoftDouble.FromFloat(clip) / SoftDouble.FromFloat(cellScale);
        SoftDouble clamped = SoftDouble.Min(SoftDouble.Max(ratio, SoftDouble.FromInt32(short.MinValue)), SoftDouble.FromInt32(short.MaxValue));
        return (short)clamped.ToInt64();
    }

    private static Status RequestBuffers(KernelContext context, UnidirectionalSequenceLstmOpData* data, int cellBytes)
    {
        long bytes = (long)data->Sizes.BatchSize * data->Sizes.StateDimension * cellBytes;
        Status status = context.RequestScratchBuffer(bytes, out data->Buffer0);
        if (status == Status.Ok) status = context.RequestScratchBuffer(bytes, out data->Buffer1);
        if (status == Status.Ok) status = context.RequestScratchBuffer(bytes, out data->Buffer2);
        if (status == Status.Ok) status = context.RequestScratchBuffer(bytes, out data->Buffer3);
        return status;
    }

    private static ErrorReporter ShapeError(ErrorReporter errors, ReadOnlySpan<byte> role, TensorInfo tensor)
    {
        errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has shape ["u8);
        for (int d = 0; d < tensor.Rank; d++)
        {
            if (d > 0) errors.Append(',');
            errors.Append(tensor.Dim(d));
        }
        return errors.Append(']');
    }
}
