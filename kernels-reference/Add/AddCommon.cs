using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ADD's Init and Prepare, shared with ports (TFLM's add_common.cc): validates the tensors and computes the
/// rescaling parameters into <see cref="AddOpData"/>.
/// </summary>
public static unsafe class AddCommon
{
    /// <summary>Bits the int8 inputs are shifted left before rescaling (TFLM: 20; leaves room for the sum in int32).</summary>
    public const int Int8LeftShift = 20;

    /// <summary>Bits the int16 inputs are shifted left before rescaling (TFLM: 15).</summary>
    public const int Int16LeftShift = 15;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(AddOpData));
        if (data == null) return context.Errors.LastStatus;
        *(AddOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        AddOpData* data = (AddOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;
        ActivationFunctionType activation = new AddOptions(node.BuiltinOptions).FusedActivationFunction;
        status = BroadcastBinaryOpPrepare.CheckActivation(errors, activation);
        if (status != Status.Ok) return status;

        switch (output.Type)
        {
            case TensorType.Float32:
                QuantizationMath.CalculateActivationRange((int)activation, out data->FloatActivationMin, out data->FloatActivationMax);
                return Status.Ok;
            case TensorType.Int32:
                // TFLM adds int32 without quantization and without the fused activation.
                if (input1.Quantization.HasQuantization || input2.Quantization.HasQuantization)
                    return errors.Fail(Status.Error, "int32 ADD supports only unquantized inputs"u8);
                return Status.Ok;
            case TensorType.Int8:
            case TensorType.Int16:
            case TensorType.UInt8: // legacy uint8: TFLite's add.cc computes the same parameters as for int8
                return PrepareQuantized(errors, data, input1, input2, output, (int)activation);
            default:
                return context.UnsupportedType(output, "output"u8);
        }
    }

    /// <summary>
    /// TFLM's CalculateOpDataAdd for int8/int16, every double expression evaluated with <see cref="SoftDouble"/>
    /// in the same order: twice = 2 · max(s1, s2); m1 = s1 / twice; m2 = s2 / twice;
    /// mOut = twice / (2^leftShift · sOut); each quantized as a multiplier smaller than one.
    /// </summary>
    public static Status PrepareQuantized(ErrorReporter errors, AddOpData* data, TensorInfo input1, TensorInfo input2,
        TensorInfo output, int activation)
    {
        if (!input1.Quantization.HasQuantization || !input2.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized ADD needs quantization parameters on both inputs and the output"u8);
        float scale1 = input1.Quantization.Scale;
        float scale2 = input2.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        data->Input1Offset = -input1.Quantization.ZeroPoint;
        data->Input2Offset = -input2.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        data->LeftShift = output.Type == TensorType.Int16 ? Int16LeftShift : Int8LeftShift;

        float larger = scale1 < scale2 ? scale2 : scale1;
        SoftDouble twiceMaxInputScale = SoftDouble.FromInt32(2) * SoftDouble.FromFloat(larger);
        SoftDouble real1 = SoftDouble.FromFloat(scale1) / twiceMaxInputScale;
        SoftDouble real2 = SoftDouble.FromFloat(scale2) / twiceMaxInputScale;
        SoftDouble realOutput = twiceMaxInputScale / (SoftDouble.FromInt32(1 << data->LeftShift) * SoftDouble.FromFloat(outputScale));

        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(real1, out data->Input1Multiplier, out data->Input1Shift)
            || !QuantizationMath.QuantizeMultiplierSmallerThanOneExp(real2, out data->Input2Multiplier, out data->Input2Shift))
            return errors.Fail(Status.Error, "input scales "u8).Append(scale1).Append(" and "u8).Append(scale2)
                .Append(" must be positive and finite"u8);
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realOutput, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output scale "u8).Append(outputScale)
                .Append(" is too small for the input scales (the output rescaling must be smaller than one)"u8);

        return QuantizationMath.CalculateActivationRangeQuantized(errors, activation, output.Type, outputScale,
            data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }
}
