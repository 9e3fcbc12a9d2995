namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// QUANTIZE: float32 → int8/uint8/int16/int32, and requantization between int8, uint8, int16 and int32
/// (TFLM's quantize_common.cc).
/// </summary>
public sealed unsafe class Quantize : OpKernel
{
    public static readonly Quantize Kernel = new Quantize();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(QuantizeOpData));
        if (data == null) return context.Errors.LastStatus;
        *(QuantizeOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output"u8);
        QuantizeOpData* data = (QuantizeOpData*)node.UserData;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        if (input.ElementCount != output.ElementCount)
            return errors.Fail(Status.Error, "input and output element counts differ ("u8).Append(input.ElementCount)
                .Append(" vs "u8).Append(output.ElementCount).Append(')');
        if (!output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has no quantization parameters"u8);
        if (output.Quantization.IsPerChannel)
            return errors.Fail(Status.Error, "per-channel quantized output tensor "u8).Append(output.Index).Append(" is not supported"u8);

        data->Scale = output.Quantization.Scale;
        data->ZeroPoint = output.Quantization.ZeroPoint;

        switch (input.Type)
        {
            case TensorType.Float32:
                if (output.Type != TensorType.Int8 && output.Type != TensorType.UInt8 && output.Type != TensorType.Int16 && output.Type != TensorType.Int32)
                    return context.UnsupportedType(output, "output"u8);
                return Status.Ok;
            case TensorType.Int8:
            case TensorType.UInt8:
            case TensorType.Int16:
            case TensorType.Int32:
            {
                if (!IsSupportedRequantize(input.Type, output.Type))
                    return errors.Fail(Status.Error, "requantizing "u8).Append(TensorTypes.Name(input.Type)).Append(" to "u8)
                        .Append(TensorTypes.Name(output.Type)).Append(" is not supported"u8);
                if (!input.Quantization.HasQuantization)
                    return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has no quantization parameters"u8);
                // TFLM: effective_scale = (double)input_scale / (double)output_scale.
                SoftDouble effective = SoftDouble.FromFloat(input.Quantization.Scale) / SoftDouble.FromFloat(output.Quantization.Scale);
                if (!QuantizationMath.QuantizeMultiplier(effective, out data->RequantizeMultiplier, out data->RequantizeShift))
                    return errors.Fail(Status.Error, "requantization multiplier is not a finite number"u8);
                data->InputZeroPoint = input.Quantization.ZeroPoint;
                return Status.Ok;
            }
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    private static bool IsSupportedRequantize(TensorType input, TensorType output)
    {
        switch (input)
        {
            case TensorType.Int8: return output == TensorType.Int8 || output == TensorType.UInt8 || output == TensorType.Int16 || output == TensorType.Int32;
            case TensorType.UInt8: return output == TensorType.Int8 || output == TensorType.UInt8;
            case TensorType.Int16: return output == TensorType.Int8 || output == TensorType.Int16 || output == TensorType.Int32;
            case TensorType.Int32: return output == TensorType.Int8 || output == TensorType.Int16;
            default: return false;
        }
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        QuantizeOpData* data = (QuantizeOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        if (input.Type == TensorType.Float32)
        {
            switch (output.Type)
            {
                case TensorType.Int8: QuantizeMath.AffineQuantizeInt8(input.AsReadOnlySpan<float>(), output.AsSpan<sbyte>(), data->Scale, data->ZeroPoint); break;
                case TensorType.UInt8: QuantizeMath.AffineQuantizeUInt8(input.AsReadOnlySpan<float>(), output.AsSpan<byte>(), data->Scale, data->ZeroPoint); break;
                case TensorType.Int16: QuantizeMath.AffineQuantizeInt16(input.AsReadOnlySpan<float>(), output.AsSpan<short>(), data->Scale, data->ZeroPoint); break;
                default: QuantizeMath.AffineQuantizeInt32(input.AsReadOnlySpan<float>(), output.AsSpan<int>(), data->Scale, data->ZeroPoint); break;
            }
            return Status.Ok;
        }
        Requantize(ref input, ref output, data);
        return Status.Ok;
    }

    private static void Requantize(ref EvalTensor input, ref EvalTensor output, QuantizeOpData* data)
    {
        int count = input.ElementCount;
        int multiplier = data->RequantizeMultiplier;
        int shift = data->RequantizeShift;
        int inZp = data->InputZeroPoint;
        int outZp = data->ZeroPoint;
        GetRange(output.Type, out int min, out int max);
        bool int8ToUInt8 = input.Type == TensorType.Int8 && output.Type == TensorType.UInt8;
        bool uint8ToInt8 = input.Type == TensorType.UInt8 && output.Type == TensorType.Int8;
        if ((int8ToUInt8 || uint8ToInt8) && QuantizeMath.IsSignFlip(multiplier, shift, inZp, outZp, int8ToUInt8))
        {
            byte* source = (byte*)input.Data;
            byte* target = (byte*)output.Data;
            for (int i = 0; i < count; i++) target[i] = (byte)(source[i] ^ 0x80);
            return;
        }
        for (int i = 0; i < count; i++)
        {
            int value = Read(ref input, i);
            Write(ref output, i, QuantizeMath.Requantize(value, inZp, multiplier, shift, outZp, min, max));
        }
    }

    private static int Read(ref EvalTensor tensor, int i)
    {
        switch (tensor.Type)
        {
            case TensorType.Int8: return ((sbyte*)tensor.Data)[i];
            case TensorType.UInt8: return ((byte*)tensor.Data)[i];
            case TensorType.Int16: return ((short*)tensor.Data)[i];
            default: return ((int*)tensor.Data)[i];
        }
    }

    private static void Write(ref EvalTensor tensor, int i, int value)
    {
        switch (tensor.Type)
        {
            case TensorType.Int8: ((sbyte*)tensor.Data)[i] = (sbyte)value; break;
            case TensorType.UInt8: ((byte*)tensor.Data)[i] = (byte)value; break;
            case TensorType.Int16: ((short*)tensor.Data)[i] = (short)value; break;
            default: ((int*)tensor.Data)[i] = value; break;
        }
    }

    private static void GetRange(TensorType type, out int min, out int max)
    {
        switch (type)
        {
            case TensorType.Int8: min = sbyte.MinValue; max = sbyte.MaxValue; break;
            case TensorType.UInt8: min = byte.MinValue; max = byte.MaxValue; break;
            case TensorType.Int16: min = short.MinValue; max = short.MaxValue; break;
            default: min = int.MinValue; max = int.MaxValue; break;
        }
    }
}
