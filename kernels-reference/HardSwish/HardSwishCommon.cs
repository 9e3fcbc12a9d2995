namespace TfLiteMicro.Kernels.Reference;

/// <summary>HARD_SWISH's Init and Prepare, shared with ports (TFLM's hard_swish_common.cc).</summary>
public static unsafe class HardSwishCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(HardSwishOpData));
        if (data == null) return context.Errors.LastStatus;
        *(HardSwishOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    /// <summary>
    /// float32 and int8. int8: both multipliers are formed in float (input scale / 128 over the output scale,
    /// and over 3/32768), widened to double, quantized to Q0.31 and rounded down to Q0.15.
    /// </summary>
    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        if (input.Type == TensorType.Float32) return Status.Ok;
        if (input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);

        HardSwishOpData* data = (HardSwishOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        data->InputZeroPoint = (short)input.Quantization.ZeroPoint;
        data->OutputZeroPoint = (short)output.Quantization.ZeroPoint;
        float hiresInputScale = (1.0f / 128.0f) * input.Quantization.Scale;
        const float reluishScale = 3.0f / 32768.0f;
        float outputScale = output.Quantization.Scale;

        if (!QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(hiresInputScale / outputScale), out int outputMultiplier,
                out data->OutputMultiplierExponent)
            || !QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(hiresInputScale / reluishScale), out int reluishMultiplier,
                out data->ReluishMultiplierExponent))
            return errors.Fail(Status.Error, "input scale "u8).Append(input.Quantization.Scale).Append(" and output scale "u8)
                .Append(outputScale).Append(" do not give finite multipliers"u8);
        data->OutputMultiplierFixedPointInt16 = HardSwishMath.DownScaleInt32ToInt16Multiplier(outputMultiplier);
        data->ReluishMultiplierFixedPointInt16 = HardSwishMath.DownScaleInt32ToInt16Multiplier(reluishMultiplier);
        if (data->OutputMultiplierExponent > 0)
            return errors.Fail(Status.Error, "input scale "u8).Append(input.Quantization.Scale).Append(" / 128 over output scale "u8)
                .Append(outputScale).Append(" must be below 1"u8);
        return Status.Ok;
    }
}
