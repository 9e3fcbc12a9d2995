using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>L2_NORMALIZATION's Init and Prepare, shared with ports (TFLM's l2norm.cc).</summary>
public static unsafe class L2NormalizationCommon
{
    /// <summary>TFLM accepts at most 4 dimensions.</summary>
    public const int MaxRank = 4;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(L2NormalizationOpData));
        if (data == null) return context.Errors.LastStatus;
        *(L2NormalizationOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    /// <summary>
    /// float32 and int8, at most 4 dimensions, no fused activation. int8 output is Q0.7 (TFLite mandates scale
    /// 1/128, zero point 0; TFLM does not check it and neither is it checked here).
    /// </summary>
    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out _);
        if (status != Status.Ok) return status;
        ErrorReporter errors = context.Errors;
        if (input.Rank < 1 || input.Rank > MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", L2_NORMALIZATION supports 1 to "u8).Append(MaxRank);
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);
        ActivationFunctionType activation = new L2NormOptions(node.BuiltinOptions).FusedActivationFunction;
        if (activation != ActivationFunctionType.NONE)
            return errors.Fail(Status.Error, "fused activation "u8).Append((int)activation).Append(" is not supported (only NONE)"u8);
        L2NormalizationOpData* data = (L2NormalizationOpData*)node.UserData;
        data->InputZeroPoint = input.Type == TensorType.Int8 ? input.Quantization.ZeroPoint : 0;
        data->Depth = input.Dim(input.Rank - 1);
        data->OuterSize = data->Depth == 0 ? 0 : input.ElementCount / data->Depth;
        return Status.Ok;
    }
}
