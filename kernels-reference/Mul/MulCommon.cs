using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MUL's Init and Prepare, shared with ports (TFLM's mul_common.cc): validates the tensors and computes the
/// rescaling parameters into <see cref="MulOpData"/>.
/// </summary>
public static unsafe class MulCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(MulOpData));
        if (data == null) return context.Errors.LastStatus;
        *(MulOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        MulOpData* data = (MulOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;
        ActivationFunctionType activation = new MulOptions(node.BuiltinOptions).FusedActivationFunction;
        status = BroadcastBinaryOpPrepare.CheckActivation(errors, activation);
        if (status != Status.Ok) return status;

        switch (output.Type)
        {
            case TensorType.Float32:
                QuantizationMath.CalculateActivationRange((int)activation, out data->FloatActivationMin, out data->FloatActivationMax);
                return Status.Ok;
            case TensorType.Int32:
                QuantizationMath.CalculateActivationRange((int)activation, out data->OutputActivationMin, out data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int8:
            case TensorType.Int16:
                return PrepareQuantized(errors, data, input1, input2, output, (int)activation);
            default:
                return context.UnsupportedType(output, "output"u8);
        }
    }

    /// <summary>
    /// TFLM's CalculateOpDataMul for int8/int16: m = (double)s1 · (double)s2 / (double)sOut quantized with
    /// QuantizeMultiplier; int16 requires zero points of 0.
    /// </summary>
    public static Status PrepareQuantized(ErrorReporter errors, MulOpData* data, TensorInfo input1, TensorInfo input2,
        TensorInfo output, int activation)
    {
        if (!input1.Quantization.HasQuantization || !input2.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized MUL needs quantization parameters on both inputs and the output"u8);
        Status status = QuantizationMath.CalculateActivationRangeQuantized(errors, activation, output.Type,
            output.Quantization.Scale, output.Quantization.ZeroPoint, out data->OutputActivationMin, out data->OutputActivationMax);
        if (status != Status.Ok) return status;

        SoftDouble realMultiplier = SoftDouble.FromFloat(input1.Quantization.Scale) * SoftDouble.FromFloat(input2.Quantization.Scale)
            / SoftDouble.FromFloat(output.Quantization.Scale);
        if (!QuantizationMath.QuantizeMultiplier(realMultiplier, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output multiplier is not a finite number (output scale "u8)
                .Append(output.Quantization.Scale).Append(')');

        data->Input1Offset = -input1.Quantization.ZeroPoint;
        data->Input2Offset = -input2.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        if (output.Type == TensorType.Int16 && (data->Input1Offset != 0 || data->Input2Offset != 0 || data->OutputOffset != 0))
            return errors.Fail(Status.Error, "int16 MUL needs zero points of 0, got "u8).Append(-data->Input1Offset).Append(", "u8)
                .Append(-data->Input2Offset).Append(" and "u8).Append(data->OutputOffset);
        return Status.Ok;
    }
}
