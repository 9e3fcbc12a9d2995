namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// PAD and PADV2 Init and Prepare, shared with ports (TFLM's pad_common.cc): the paddings must be a constant
/// [rank, 2] int32 tensor and the output shape must already be input + paddings (TFLM never resizes outputs).
/// </summary>
public static unsafe class PadCommon
{
    public const int InputTensor = 0;
    public const int PaddingsTensor = 1;
    public const int ConstantValuesTensor = 2;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(PadOpData));
        if (data == null) return context.Errors.LastStatus;
        *(PadOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        PadOpData* data = (PadOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 2 || node.InputCount > 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 or 3 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo paddings = context.GetInputInfo(ref node, PaddingsTensor);
        TensorInfo constant = context.GetInputInfo(ref node, ConstantValuesTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);

        switch (input.Type)
        {
            case TensorType.Float32:
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.Int32:
                break;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank > PadOpData.MaxDimensions)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.Rank)
                .Append(" dimensions, at most 5 are supported"u8);
        if (output.Rank != input.Rank)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has rank "u8).Append(output.Rank)
                .Append(", input rank is "u8).Append(input.Rank);
        if (constant.Exists)
        {
            status = context.ExpectType(constant, input.Type, "constant values"u8);
            if (status != Status.Ok) return status;
            if (constant.ElementCount != 1)
                return errors.Fail(Status.Error, "constant values tensor "u8).Append(constant.Index).Append(" must hold one value, has "u8)
                    .Append(constant.ElementCount);
        }

        // There must be a (before, after) pair per output dimension, known now: TFLM reads them at Prepare.
        status = context.ExpectType(paddings, TensorType.Int32, "paddings"u8);
        if (status != Status.Ok) return status;
        if (paddings.ElementCount != output.Rank * 2)
            return errors.Fail(Status.Error, "paddings tensor "u8).Append(paddings.Index).Append(" has "u8).Append(paddings.ElementCount)
                .Append(" values, expected "u8).Append(output.Rank * 2);
        if (!paddings.IsConstant || paddings.Data == null)
            return errors.Fail(Status.Error, "paddings tensor "u8).Append(paddings.Index).Append(" must be constant"u8);
        int* pairs = (int*)paddings.Data;
        int rank = input.Rank;
        int front = PadOpData.MaxDimensions - rank;
        for (int i = 0; i < PadOpData.MaxDimensions; i++)
        {
            data->LeftPadding[i] = 0;
            data->RightPadding[i] = 0;
        }
        for (int i = 0; i < rank; i++)
        {
            int before = pairs[2 * i];
            int after = pairs[2 * i + 1];
            if (before < 0 || after < 0)
                return errors.Fail(Status.Error, "paddings of dimension "u8).Append(i).Append(" are negative ("u8).Append(before)
                    .Append(", "u8).Append(after).Append(')');
            int expected = input.Dim(i) + before + after;
            if (output.Dim(i) != expected)
                return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" dimension "u8).Append(i).Append(" is "u8)
                    .Append(output.Dim(i)).Append(", expected "u8).Append(expected);
            data->LeftPadding[front + i] = before;
            data->RightPadding[front + i] = after;
        }

        data->OutputZeroPoint = 0;
        if (input.Type == TensorType.Int8)
        {
            QuantizationInfo outQ = output.Quantization;
            if (!constant.Exists)
            {
                // The pad value is the quantized 0, which must be representable.
                if (outQ.ZeroPoint < sbyte.MinValue || outQ.ZeroPoint > sbyte.MaxValue)
                    return errors.Fail(Status.Error, "output zero point "u8).Append(outQ.ZeroPoint).Append(" is outside the int8 range"u8);
            }
            else
            {
                // The constant must be quantized like the output, because it is copied as is.
                QuantizationInfo constQ = constant.Quantization;
                if (constQ.ZeroPoint != outQ.ZeroPoint || constQ.Scale != outQ.Scale)
                    return errors.Fail(Status.Error, "constant values tensor "u8).Append(constant.Index)
                        .Append(" must have the output's scale and zero point"u8);
            }
            data->OutputZeroPoint = outQ.ZeroPoint;
        }
        return Status.Ok;
    }
}
