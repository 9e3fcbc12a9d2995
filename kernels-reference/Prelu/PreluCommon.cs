namespace TfLiteMicro.Kernels.Reference;

/// <summary>PRELU's Init and Prepare, shared with ports (TFLM's prelu_common.cc).</summary>
public static unsafe class PreluCommon
{
    public const int InputTensor = 0;
    public const int AlphaTensor = 1;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(PreluOpData));
        if (data == null) return context.Errors.LastStatus;
        *(PreluOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    /// <summary>
    /// float32 (float alpha), int8 (int8 alpha), int16 (int8 alpha). Input and alpha broadcast against each other
    /// (TFLM allows up to 4 dimensions; up to <see cref="BroadcastShape.MaxRank"/> here).
    /// </summary>
    public static Status Prepare(KernelContext context, ref Node node)
    {
        PreluOpData* data = (PreluOpData*)node.UserData;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo alpha = context.GetInputInfo(ref node, AlphaTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                return context.ExpectType(alpha, TensorType.Float32, "alpha"u8);
            case TensorType.Int8:
            case TensorType.Int16:
                status = context.ExpectType(alpha, TensorType.Int8, "alpha"u8);
                if (status != Status.Ok) return status;
                break;
            default:
                return context.UnsupportedType(input, "input"u8);
        }

        SoftDouble inputScale = SoftDouble.FromFloat(input.Quantization.Scale);
        SoftDouble alphaScale = SoftDouble.FromFloat(alpha.Quantization.Scale);
        SoftDouble outputScale = SoftDouble.FromFloat(output.Quantization.Scale);
        // (double)input_scale / (double)output_scale and (double)input_scale * (double)alpha_scale / (double)output_scale.
        if (!QuantizationMath.QuantizeMultiplier(inputScale / outputScale, out data->OutputMultiplier1, out data->OutputShift1)
            || !QuantizationMath.QuantizeMultiplier(inputScale * alphaScale / outputScale, out data->OutputMultiplier2, out data->OutputShift2))
            return context.Errors.Fail(Status.Error, "input scale "u8).Append(input.Quantization.Scale).Append(", alpha scale "u8)
                .Append(alpha.Quantization.Scale).Append(" and output scale "u8).Append(output.Quantization.Scale)
                .Append(" do not give finite multipliers"u8);
        data->InputOffset = -input.Quantization.ZeroPoint;
        data->AlphaOffset = -alpha.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        return Status.Ok;
    }
}
