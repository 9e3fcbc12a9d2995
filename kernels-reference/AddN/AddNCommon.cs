namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ADD_N's Init and Prepare (TFLM add_n.cc CalculateOpData), shared with ports: two or more inputs of one shape
/// and type (float32, or int8 sharing one scale and zero point), the output alike; a scratch buffer for the
/// input pointers.
/// </summary>
public static unsafe class AddNCommon
{
    public const int OutputTensor = 0;

    /// <summary>Bits int8 inputs are shifted left before rescaling (TFLM's kAddNIntegerShift).</summary>
    public const int IntegerShift = 20;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(AddNOpData));
        if (data == null) return context.Errors.LastStatus;
        *(AddNOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        AddNOpData* data = (AddNOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        int inputCount = node.InputCount;
        if (inputCount < 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects at least 2 inputs and 1 output, got "u8).Append(inputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo first = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!first.Exists) return errors.Fail(Status.Error, "input 0 is required"u8);
        Status status = context.ExpectType(output, first.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (!BroadcastShape.SameShape(first.Shape, output.Shape))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must have the shape of the inputs"u8);
        if (first.Type != TensorType.Float32 && first.Type != TensorType.Int8) return context.UnsupportedType(first, "input 0"u8);
        for (int i = 1; i < inputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            if (!input.Exists) return errors.Fail(Status.Error, "input "u8).Append(i).Append(" is required"u8);
            if (!BroadcastShape.SameShape(first.Shape, input.Shape))
                return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have the shape of input tensor "u8).Append(first.Index);
            status = context.ExpectType(input, first.Type, "input"u8);
            if (status != Status.Ok) return status;
            if (first.Type == TensorType.Int8
                && (input.Quantization.Scale != first.Quantization.Scale || input.Quantization.ZeroPoint != first.Quantization.ZeroPoint))
                return errors.Fail(Status.Error, "int8 inputs must share one scale and zero point; input tensor "u8).Append(input.Index)
                    .Append(" has "u8).Append(input.Quantization.Scale).Append(", "u8).Append(input.Quantization.ZeroPoint)
                    .Append(", input tensor "u8).Append(first.Index).Append(" has "u8).Append(first.Quantization.Scale)
                    .Append(", "u8).Append(first.Quantization.ZeroPoint);
        }

        status = context.RequestScratchBuffer(sizeof(void*) * inputCount, out data->ScratchIndex);
        if (status != Status.Ok) return status;
        if (first.Type == TensorType.Float32) return Status.Ok;

        if (!first.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "int8 ADD_N needs quantization parameters on the inputs and the output"u8);
        float inputScale = first.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        data->InputOffset = -first.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        data->LeftShift = IntegerShift;
        // TFLM, in double: twice = 2 · s; in = s / twice; out = twice / (2^20 · sOut).
        SoftDouble twiceInputScale = SoftDouble.FromInt32(2) * SoftDouble.FromFloat(inputScale);
        SoftDouble realInput = SoftDouble.FromFloat(inputScale) / twiceInputScale;
        SoftDouble realOutput = twiceInputScale / (SoftDouble.FromInt32(1 << IntegerShift) * SoftDouble.FromFloat(outputScale));
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realInput, out data->InputMultiplier, out data->InputShift))
            return errors.Fail(Status.Error, "input scale "u8).Append(inputScale).Append(" must be positive and finite"u8);
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realOutput, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output scale "u8).Append(outputScale)
                .Append(" is too small for the input scale (the output rescaling must be smaller than one)"u8);
        return QuantizationMath.CalculateActivationRangeQuantized(errors, QuantizationMath.ActivationNone, output.Type, outputScale,
            data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }
}
