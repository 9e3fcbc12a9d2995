using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LEAKY_RELU's Init and Prepare, shared with ports (TFLM's leaky_relu_common.cc).</summary>
public static unsafe class LeakyReluCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(LeakyReluOpData));
        if (data == null) return context.Errors.LastStatus;
        *(LeakyReluOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        LeakyReluOpData* data = (LeakyReluOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (output.ElementCount != input.ElementCount)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, input has "u8).Append(input.ElementCount);
        float alpha = new LeakyReluOptions(node.BuiltinOptions).Alpha;
        data->Alpha = alpha;
        if (input.Type == TensorType.Float32) return Status.Ok;
        if (input.Type != TensorType.Int8 && input.Type != TensorType.Int16) return context.UnsupportedType(input, "input"u8);

        float inputScale = input.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        // TFLM forms both ratios in float and only then widens them to double.
        float alphaMultiplier = inputScale * alpha / outputScale;
        float identityMultiplier = inputScale / outputScale;
        if (!QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(alphaMultiplier), out data->OutputMultiplierAlpha, out data->OutputShiftAlpha)
            || !QuantizationMath.QuantizeMultiplier(SoftDouble.FromFloat(identityMultiplier), out data->OutputMultiplierIdentity, out data->OutputShiftIdentity))
            return errors.Fail(Status.Error, "input scale "u8).Append(inputScale).Append(", output scale "u8).Append(outputScale)
                .Append(" and alpha "u8).Append(alpha).Append(" do not give finite multipliers"u8);
        return Status.Ok;
    }
}
