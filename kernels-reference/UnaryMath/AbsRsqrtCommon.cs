namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ABS's and RSQRT's Init and Prepare (TFLM elementwise.cc PrepareAbsRsqrt), shared with ports: ABS takes
/// float32, int8 and int16 (int16 with or without quantization, zero points 0); RSQRT takes float32 and int8.
/// </summary>
public static unsafe class AbsRsqrtCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(AbsRsqrtOpData));
        if (data == null) return context.Errors.LastStatus;
        *(AbsRsqrtOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status PrepareAbs(KernelContext context, ref Node node)
    {
        AbsRsqrtOpData* data = (AbsRsqrtOpData*)node.UserData;
        Status status = UnaryOpPrepare.Check(context, ref node, false, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                data->IsQuantized = false;
                return Status.Ok;
            case TensorType.Int16 when !input.Quantization.HasQuantization:
                // TFLM evaluates an unquantized int16 ABS as a plain integer abs.
                data->IsQuantized = false;
                return Status.Ok;
            case TensorType.Int8:
            case TensorType.Int16:
                status = PrepareQuantized(context.Errors, data, input, output);
                if (status != Status.Ok) return status;
                float inputScale = input.Quantization.Scale;
                float outputScale = output.Quantization.Scale;
                data->NeedsRescale = inputScale != outputScale;
                if (data->NeedsRescale
                    && !QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(inputScale) / SoftDouble.FromFloat(outputScale),
                        out data->Multiplier, out data->Shift))
                    return context.Errors.Fail(Status.Error, "input scale "u8).Append(inputScale).Append(" / output scale "u8)
                        .Append(outputScale).Append(" is not a finite multiplier"u8);
                return Status.Ok;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    public static Status PrepareRsqrt(KernelContext context, ref Node node)
    {
        AbsRsqrtOpData* data = (AbsRsqrtOpData*)node.UserData;
        Status status = UnaryOpPrepare.Check(context, ref node, false, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                data->IsQuantized = false;
                return Status.Ok;
            case TensorType.Int8:
                status = PrepareQuantized(context.Errors, data, input, output);
                if (status != Status.Ok) return status;
                float inputScale = input.Quantization.Scale;
                float outputScale = output.Quantization.Scale;
                data->NeedsRescale = inputScale != outputScale;
                // TFLM: 1.0 / (std::sqrt(double(input_scale)) * double(output_scale)), in double.
                SoftDouble multiplier = SoftDouble.One
                    / (FloatMath.Sqrt(SoftDouble.FromFloat(inputScale)) * SoftDouble.FromFloat(outputScale));
                if (!(inputScale > 0f) || !QuantizationMath.QuantizeMultiplier(multiplier, out data->Multiplier, out data->Shift))
                    return context.Errors.Fail(Status.Error, "scales "u8).Append(inputScale).Append(" (input) and "u8)
                        .Append(outputScale).Append(" (output) must be positive and finite"u8);
                return Status.Ok;
            default:
                // TFLM's RSQRT Prepare accepts float32 and int8 only (its int16 Eval path is unreachable).
                return context.UnsupportedType(input, "input"u8);
        }
    }

    /// <summary>Zero points and the quantized flag; both tensors must carry quantization, int16 symmetric.</summary>
    private static Status PrepareQuantized(ErrorReporter errors, AbsRsqrtOpData* data, TensorInfo input, TensorInfo output)
    {
        if (!input.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized "u8).Append(TensorTypes.Name(input.Type))
                .Append(" needs quantization parameters on the input and the output"u8);
        data->IsQuantized = true;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        if (input.Type == TensorType.Int16 && (data->InputZeroPoint != 0 || data->OutputZeroPoint != 0))
            return errors.Fail(Status.Error, "int16 zero points must be 0, got "u8).Append(data->InputZeroPoint)
                .Append(" (input) and "u8).Append(data->OutputZeroPoint).Append(" (output)"u8);
        return Status.Ok;
    }
}
