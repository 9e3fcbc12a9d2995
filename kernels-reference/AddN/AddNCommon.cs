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
            return errors.Fail(Status.Error, "expects at least 2 inputs and 1 output, got ").Append(inputCount)
                .Append(" inputs and ").Append(node.OutputCount).Append(" outputs");
        TensorInfo first = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!first.Exists) return errors.Fail(Status.Error, "input 0 is required");
        Status status = context.ExpectType(output, first.Type, "output");
        if (status != Status.Ok) return status;
        if (!BroadcastShape.SameShape(first.Shape, output.Shape))
            return errors.Fail(Status.Error, "output tensor ").Append(output.Index).Append(" must have the shape of the inputs");
        if (first.Type != TensorType.Float32 && first.Type != TensorType.Int8) return context.UnsupportedType(first, "input 0");
        for (int i = 1; i < inputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            if (!input.Exists) return errors.Fail(Status.Error, "input ").Append(i).Append(" is required");
            if (!BroadcastShape.SameShape(first.Shape, input.Shape))
                return errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" must have the shape of input tensor ").Append(first.Index);
            status = context.ExpectType(input, first.Type, "input");
            if (status != Status.Ok) return status;
            if (first.Type == TensorType.Int8
                && (input.Quantization.Scale != first.Quantization.Scale || input.Quantization.ZeroPoint != first.Quantization.ZeroPoint))
                return errors.Fail(Status.Error, "int8 inputs must share one scale and zero point; input tensor ").Append(input.Index)
                    .Append(" has ").Append(input.Quantization.Scale).Append(", ").Append(input.Quantization.ZeroPoint)
                    .Append(", input tensor ").Append(first.Index).Append(" has ").Append(first.Quantization.Scale)
                    .Append(", ").Append(first.Quantization.ZeroPoint);
        }

        status = context.RequestScratchBuffer(sizeof(void*) * inputCount, out data->ScratchIndex);
        if (status != Status.Ok) return status;
        if (first.Type == TensorType.Float32) return Status.Ok;

        if (!first.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "int8 ADD_N needs quantization parameters on the inputs and the output");
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
            return errors.Fail(Status.Error, "input scale ").Append(inputScale).Append(" must be positive and finite");
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realOutput, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output scale ").Append(outputScale)
                .Append(" is too small for the input scale (the output rescaling must be smaller than one)");
        return QuantizationMath.CalculateActivationRangeQuantized(errors, QuantizationMath.ActivationNone, output.Type, outputScale,
            data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }
}
