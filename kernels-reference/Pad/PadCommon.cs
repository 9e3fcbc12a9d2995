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
            return errors.Fail(Status.Error, "expects 2 or 3 inputs and 1 output, got ").Append(node.InputCount)
                .Append(" inputs and ").Append(node.OutputCount).Append(" outputs");

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
                return context.UnsupportedType(input, "input");
        }
        Status status = context.ExpectType(output, input.Type, "output");
        if (status != Status.Ok) return status;
        if (input.Rank > PadOpData.MaxDimensions)
            return errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" has ").Append(input.Rank)
                .Append(" dimensions, at most 5 are supported");
        if (output.Rank != input.Rank)
            return errors.Fail(Status.Error, "output tensor ").Append(output.Index).Append(" has rank ").Append(output.Rank)
                .Append(", input rank is ").Append(input.Rank);
        if (constant.Exists)
        {
            status = context.ExpectType(constant, input.Type, "constant values");
            if (status != Status.Ok) return status;
            if (constant.ElementCount != 1)
                return errors.Fail(Status.Error, "constant values tensor ").Append(constant.Index).Append(" must hold one value, has ")
                    .Append(constant.ElementCount);
        }

        // There must be a (before, after) pair per output dimension, known now: TFLM reads them at Prepare.
        status = context.ExpectType(paddings, TensorType.Int32, "paddings");
        if (status != Status.Ok) return status;
        if (paddings.ElementCount != output.Rank * 2)
            return errors.Fail(Status.Error, "paddings tensor ").Append(paddings.Index).Append(" has ").Append(paddings.ElementCount)
                .Append(" values, expected ").Append(output.Rank * 2);
        if (!paddings.IsConstant || paddings.Data == null)
            return errors.Fail(Status.Error, "paddings tensor ").Append(paddings.Index).Append(" must be constant");
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
                return errors.Fail(Status.Error, "paddings of dimension ").Append(i).Append(" are negative (").Append(before)
                    .Append(", ").Append(after).Append(')');
            int expected = input.Dim(i) + before + after;
            if (output.Dim(i) != expected)
                return errors.Fail(Status.Error, "output tensor ").Append(output.Index).Append(" dimension ").Append(i).Append(" is ")
                    .Append(output.Dim(i)).Append(", expected ").Append(expected);
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
                    return errors.Fail(Status.Error, "output zero point ").Append(outQ.ZeroPoint).Append(" is outside the int8 range");
            }
            else
            {
                // The constant must be quantized like the output, because it is copied as is.
                QuantizationInfo constQ = constant.Quantization;
                if (constQ.ZeroPoint != outQ.ZeroPoint || constQ.Scale != outQ.Scale)
                    return errors.Fail(Status.Error, "constant values tensor ").Append(constant.Index)
                        .Append(" must have the output's scale and zero point");
            }
            data->OutputZeroPoint = outQ.ZeroPoint;
        }
        return Status.Ok;
    }
}
