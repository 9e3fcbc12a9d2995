namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare-time checks shared by the one-input activations of this group (RELU, RELU6, TANH, ELU, HARD_SWISH,
/// LOG_SOFTMAX, L2_NORMALIZATION): one input and one output of the same type and element count.
/// </summary>
public static class ElementwiseActivationPrepare
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Check(KernelContext context, ref Node node, out TensorInfo input, out TensorInfo output)
    {
        ErrorReporter errors = context.Errors;
        input = default;
        output = default;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        input = context.GetInputInfo(ref node, InputTensor);
        output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (output.ElementCount != input.ElementCount)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, input has "u8).Append(input.ElementCount);
        return Status.Ok;
    }
}
