using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEQUANTIZE: int8, uint8 or int16 → float32 (TFLM's dequantize_common.cc), and float16 → float32 (TFLite's
/// dequantize.cc; TFLM has no float16): how fp16-quantized models such as MediaPipe's store their weights.
/// </summary>
public sealed unsafe class Dequantize : OpKernel
{
    public static readonly Dequantize Kernel = new Dequantize();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(DequantizeOpData));
        if (data == null) return context.Errors.LastStatus;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1) return errors.Fail(Status.Error, "expects 1 input and 1 output"u8);
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        if (input.Type != TensorType.Int8 && input.Type != TensorType.UInt8 && input.Type != TensorType.Int16 && input.Type != TensorType.Float16)
            return context.UnsupportedType(input, "input"u8);
        Status status = context.ExpectType(output, TensorType.Float32, "output"u8);
        if (status != Status.Ok) return status;
        if (input.ElementCount != output.ElementCount)
            return errors.Fail(Status.Error, "input and output element counts differ"u8);
        if (input.Type == TensorType.Float16) return Status.Ok; // a plain widening, no quantization parameters
        if (!input.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has no quantization parameters"u8);
        DequantizeOpData* data = (DequantizeOpData*)node.UserData;
        data->Scale = input.Quantization.Scale;
        data->ZeroPoint = input.Quantization.ZeroPoint;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DequantizeOpData* data = (DequantizeOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        switch (input.Type)
        {
            case TensorType.Int8: DequantizeMath.DequantizeInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<float>(), data->Scale, data->ZeroPoint); break;
            case TensorType.UInt8: DequantizeMath.DequantizeUInt8(input.AsReadOnlySpan<byte>(), output.AsSpan<float>(), data->Scale, data->ZeroPoint); break;
            case TensorType.Float16: DequantizeMath.DequantizeFloat16(input.AsReadOnlySpan<ushort>(), output.AsSpan<float>()); break;
            default: DequantizeMath.DequantizeInt16(input.AsReadOnlySpan<short>(), output.AsSpan<float>(), data->Scale, data->ZeroPoint); break;
        }
        return Status.Ok;
    }
}
