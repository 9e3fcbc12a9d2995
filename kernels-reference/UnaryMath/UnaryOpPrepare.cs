namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare-time checks shared by the one-input elementwise ops (ABS, NEG, SQRT, RSQRT, EXP, LOG, SIN, COS, SQUARE,
/// FLOOR, CEIL, ROUND, LOGICAL_NOT): one input, one output of the same type and size.
/// </summary>
public static class UnaryOpPrepare
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    /// <summary>
    /// Checks the node has one input and one output, that the output has the input's type, and that it has the
    /// input's element count — or, with <paramref name="requireSameShape"/> (TFLM's EXP, CEIL, ROUND), the
    /// input's exact shape.
    /// </summary>
    public static Status Check(KernelContext context, ref Node node, bool requireSameShape, out TensorInfo input, out TensorInfo output)
    {
        input = default;
        output = default;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        input = context.GetInputInfo(ref node, InputTensor);
        output = context.GetOutputInfo(ref node, OutputTensor);
        if (!input.Exists) return errors.Fail(Status.Error, "the input is required"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (requireSameShape)
        {
            if (!BroadcastShape.SameShape(input.Shape, output.Shape))
                return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index)
                    .Append(" must have the shape of input tensor "u8).Append(input.Index);
        }
        else if (input.ElementCount != output.ElementCount)
        {
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.ElementCount);
        }
        return Status.Ok;
    }

    /// <summary><see cref="Check"/>, then the input must be <paramref name="type"/> (the only type the op supports).</summary>
    public static Status CheckSingleType(KernelContext context, ref Node node, TensorType type, bool requireSameShape)
    {
        Status status = Check(context, ref node, requireSameShape, out TensorInfo input, out _);
        if (status != Status.Ok) return status;
        if (input.Type != type) return context.UnsupportedType(input, "input"u8);
        return Status.Ok;
    }
}
