using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>DIV's Init and Prepare, shared with ports (TFLM's div.cc): validates the tensors and fills <see cref="DivOpData"/>.</summary>
public static unsafe class DivCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(DivOpData));
        if (data == null) return context.Errors.LastStatus;
        *(DivOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        DivOpData* data = (DivOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;
        ActivationFunctionType activation = new DivOptions(node.BuiltinOptions).FusedActivationFunction;
        status = BroadcastBinaryOpPrepare.CheckActivation(errors, activation);
        if (status != Status.Ok) return status;

        switch (output.Type)
        {
            case TensorType.Float32:
                QuantizationMath.CalculateActivationRange((int)activation, out data->FloatActivationMin, out data->FloatActivationMax);
                return Status.Ok;
            case TensorType.Int32:
                if (input1.Quantization.HasQuantization || input2.Quantization.HasQuantization)
                    return errors.Fail(Status.Error, "int32 DIV supports only unquantized inputs"u8);
                QuantizationMath.CalculateActivationRange((int)activation, out data->OutputActivationMin, out data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int8:
                return PrepareInt8(errors, data, input1, input2, output, (int)activation);
            default:
                return context.UnsupportedType(output, "output"u8);
        }
    }

    /// <summary>
    /// TFLM's int8 parameters: m = (double)(s1 / (s2 · sOut)), the ratio in <em>float</em>, quantized with
    /// QuantizeMultiplier.
    /// </summary>
    public static Status PrepareInt8(ErrorReporter errors, DivOpData* data, TensorInfo input1, TensorInfo input2,
        TensorInfo output, int activation)
    {
        if (!input1.Quantization.HasQuantization || !input2.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "int8 DIV needs quantization parameters on both inputs and the output"u8);
        Status status = QuantizationMath.CalculateActivationRangeQuantized(errors, activation, output.Type,
            output.Quantization.Scale, output.Quantization.ZeroPoint, out data->OutputActivationMin, out data->OutputActivationMax);
        if (status != Status.Ok) return status;
        float ratio = input1.Quantization.Scale / (input2.Quantization.Scale * output.Quantization.Scale);
        if (!QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(ratio), out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output multiplier is not a finite number (scales "u8).Append(input1.Quantization.Scale)
                .Append(", "u8).Append(input2.Quantization.Scale).Append(", "u8).Append(output.Quantization.Scale).Append(')');
        data->Input1Offset = -input1.Quantization.ZeroPoint;
        data->Input2Offset = -input2.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        return Status.Ok;
    }
}
