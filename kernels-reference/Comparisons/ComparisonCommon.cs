namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The comparisons' Init and Prepare (TFLM ComparisonsPrepare), shared with ports: checks the arity, the
/// broadcast shape, the types (inputs alike, output bool) and, for int8/int16, computes each input's rescaling
/// (scale as a multiplier below one, left shift 8).
/// </summary>
public static unsafe class ComparisonCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(ComparisonOpData));
        if (data == null) return context.Errors.LastStatus;
        *(ComparisonOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    /// <param name="acceptsBool">EQUAL and NOT_EQUAL compare bools; the orderings do not (as in TFLM).</param>
    public static Status Prepare(KernelContext context, ref Node node, bool acceptsBool)
    {
        ComparisonOpData* data = (ComparisonOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = context.ExpectType(input2, input1.Type, "input 2"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(output, TensorType.Bool, "output"u8);
        if (status != Status.Ok) return status;

        switch (input1.Type)
        {
            case TensorType.Float32:
            case TensorType.Int32:
            case TensorType.Int64:
                return Status.Ok;
            case TensorType.Bool:
                return acceptsBool ? Status.Ok : context.UnsupportedType(input1, "input 1"u8);
            case TensorType.Int8:
            case TensorType.Int16:
                data->LeftShift = ComparisonMath.QuantizedLeftShift;
                status = PrepareInput(errors, input1, out data->Input1Offset, out data->Input1Multiplier, out data->Input1Shift);
                if (status != Status.Ok) return status;
                return PrepareInput(errors, input2, out data->Input2Offset, out data->Input2Multiplier, out data->Input2Shift);
            default:
                return context.UnsupportedType(input1, "input 1"u8);
        }
    }

    private static Status PrepareInput(ErrorReporter errors, TensorInfo input, out int offset, out int multiplier, out int shift)
    {
        offset = -input.Quantization.ZeroPoint;
        multiplier = 0;
        shift = 0;
        if (!input.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized input tensor "u8).Append(input.Index).Append(" has no quantization parameters"u8);
        float scale = input.Quantization.Scale;
        // TFLM's QuantizeMultiplierSmallerThanOneExp aborts outside (0, 1); reject such scales cleanly.
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(SoftDouble.FromFloat(scale), out multiplier, out shift))
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" scale "u8).Append(scale)
                .Append(" must be in (0, 1) for a quantized comparison"u8);
        return Status.Ok;
    }
}
