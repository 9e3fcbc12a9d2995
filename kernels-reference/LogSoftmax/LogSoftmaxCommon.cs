namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOG_SOFTMAX's Init and Prepare, shared with ports (TFLM's log_softmax.cc, CalculateOpData).</summary>
public static unsafe class LogSoftmaxCommon
{
    /// <summary>int8 output quantization TFLite mandates: scale 16/256, zero point 127.</summary>
    public const float Int8OutputScale = 16.0f / 256;
    public const int Int8OutputZeroPoint = 127;

    /// <summary>Integer bits of the scaled input differences (Q5.26).</summary>
    public const int ScaledDiffIntegerBits = 5;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(LogSoftmaxOpData));
        if (data == null) return context.Errors.LastStatus;
        *(LogSoftmaxOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        ErrorReporter errors = context.Errors;
        if (!SameShape(input, output))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must have the shape of input tensor "u8)
                .Append(input.Index);
        if (input.Rank < 1)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have at least one dimension"u8);
        LogSoftmaxOpData* data = (LogSoftmaxOpData*)node.UserData;
        data->Depth = input.Dim(input.Rank - 1);
        data->OuterSize = data->Depth == 0 ? 0 : input.ElementCount / data->Depth;
        if (input.Type == TensorType.Float32) return Status.Ok;
        if (input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);

        if (output.Quantization.Scale != Int8OutputScale || output.Quantization.ZeroPoint != Int8OutputZeroPoint)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has scale "u8).Append(output.Quantization.Scale)
                .Append(" and zero point "u8).Append(output.Quantization.ZeroPoint).Append(", int8 LOG_SOFTMAX needs 0.0625 and 127"u8);
        // beta = 1.0 and the input scale widened to double.
        if (!QuantizationMath.PreprocessLogSoftmaxScalingExp(SoftDouble.One, SoftDouble.FromFloat(input.Quantization.Scale),
                ScaledDiffIntegerBits, out data->InputMultiplier, out int inputLeftShift, out data->ReverseScalingDivisor,
                out int reverseScalingLeftShift))
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has scale "u8)
                .Append(input.Quantization.Scale).Append(", which gives no usable multiplier"u8);
        data->InputLeftShift = inputLeftShift;
        data->ReverseScalingRightShift = -reverseScalingLeftShift;
        data->DiffMin = -QuantizationMath.CalculateInputRadius(ScaledDiffIntegerBits, inputLeftShift);
        return Status.Ok;
    }

    private static bool SameShape(TensorInfo a, TensorInfo b)
    {
        if (a.Rank != b.Rank) return false;
        for (int i = 0; i < a.Rank; i++)
        {
            if (a.Dim(i) != b.Dim(i)) return false;
        }
        return true;
    }
}
