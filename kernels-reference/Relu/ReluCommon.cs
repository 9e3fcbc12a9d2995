namespace TfLiteMicro.Kernels.Reference;

/// <summary>RELU and RELU6 Init and Prepare, shared with ports (TFLM's activations_common.cc).</summary>
public static unsafe class ReluCommon
{
    public static Status InitRelu(KernelContext context, ref Node node) => Allocate(context, ref node, sizeof(ReluOpData));

    public static Status InitRelu6(KernelContext context, ref Node node) => Allocate(context, ref node, sizeof(Relu6OpData));

    /// <summary>
    /// RELU: float32, int8, int16 (zero points 0). Quantized values are requantized from the input to the output
    /// scale and clamped below at the output zero point (TFLM's <c>CalculateReluOpData</c>).
    /// </summary>
    public static Status PrepareRelu(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        ReluOpData* data = (ReluOpData*)node.UserData;
        switch (input.Type)
        {
            case TensorType.Float32:
                return Status.Ok;
            case TensorType.Int8:
                return CalculateReluOpData(context.Errors, input, output, sbyte.MinValue, sbyte.MaxValue, data);
            case TensorType.Int16:
                if (input.Quantization.ZeroPoint != 0 || output.Quantization.ZeroPoint != 0)
                    return context.Errors.Fail(Status.Error, "int16 RELU needs zero points 0, got input "u8).Append(input.Quantization.ZeroPoint)
                        .Append(" and output "u8).Append(output.Quantization.ZeroPoint);
                return CalculateReluOpData(context.Errors, input, output, short.MinValue, short.MaxValue, data);
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    /// <summary>
    /// RELU6: float32, int8, int16. TFLM quantizes 0 and 6 with the input's scale and zero point and then only
    /// clamps, copying values without rescaling: the output tensor's scale and zero point are ignored
    /// (reproduced on purpose; the goldens relu6_int8 contain it).
    /// </summary>
    public static Status PrepareRelu6(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out _);
        if (status != Status.Ok) return status;
        Relu6OpData* data = (Relu6OpData*)node.UserData;
        switch (input.Type)
        {
            case TensorType.Float32:
                return Status.Ok;
            case TensorType.Int8:
                data->Zero = input.Quantization.ZeroPoint;
                data->Six = FloatToQuantized(6.0f, input.Quantization.Scale, input.Quantization.ZeroPoint, sbyte.MinValue, sbyte.MaxValue);
                return Status.Ok;
            case TensorType.Int16:
                data->Zero = input.Quantization.ZeroPoint;
                data->Six = FloatToQuantized(6.0f, input.Quantization.Scale, input.Quantization.ZeroPoint, short.MinValue, short.MaxValue);
                return Status.Ok;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    /// <summary>TFLM <c>FloatToQuantizedType</c>: round(value / scale) (float division, halves away from zero) + zero point, clamped.</summary>
    public static int FloatToQuantized(float value, float scale, int zeroPoint, int min, int max)
    {
        int result = unchecked((int)QuantizationMath.RoundHalfAwayFromZero(value / scale) + zeroPoint);
        return ActivationMath.Clamp(result, min, max);
    }

    private static Status CalculateReluOpData(ErrorReporter errors, TensorInfo input, TensorInfo output, int typeMin, int typeMax, ReluOpData* data)
    {
        // (double)input_scale / (double)output_scale.
        SoftDouble realMultiplier = SoftDouble.FromFloat(input.Quantization.Scale) / SoftDouble.FromFloat(output.Quantization.Scale);
        if (!QuantizationMath.QuantizeMultiplier(realMultiplier, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "input scale "u8).Append(input.Quantization.Scale).Append(" over output scale "u8)
                .Append(output.Quantization.Scale).Append(" is not a finite number"u8);
        // TFLM: max(type min, zero point + roundf(0 / scale)); the upper bound stays the type's maximum.
        int outputZeroPoint = output.Quantization.ZeroPoint;
        data->QuantizedActivationMin = outputZeroPoint > typeMin ? outputZeroPoint : typeMin;
        data->QuantizedActivationMax = typeMax;
        data->InputOffset = input.Quantization.ZeroPoint;
        data->OutputOffset = outputZeroPoint;
        return Status.Ok;
    }

    private static Status Allocate(KernelContext context, ref Node node, int bytes)
    {
        void* data = context.AllocatePersistentBuffer(bytes);
        if (data == null) return context.Errors.LastStatus;
        new System.Span<byte>(data, bytes).Clear();
        node.UserData = data;
        return Status.Ok;
    }
}
