using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare-time checks shared by the two-input elementwise ops (ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, ...):
/// node arity, the output shape against the broadcast of the input shapes, and the fused activation code.
/// </summary>
public static class BroadcastBinaryOpPrepare
{
    public const int Input1Tensor = 0;
    public const int Input2Tensor = 1;
    public const int OutputTensor = 0;

    /// <summary>
    /// Checks for 2 inputs and 1 output and builds the broadcast walk; reports a clear error otherwise.
    /// </summary>
    public static Status CreateShape(KernelContext context, ref Node node, out BroadcastShape shape)
    {
        shape = default;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input1 = context.GetInputInfo(ref node, Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        if (!input1.Exists || !input2.Exists)
            return errors.Fail(Status.Error, "both inputs are required"u8);
        if (!BroadcastShape.TryCreate(input1.Shape, input2.Shape, output.Shape, out shape))
        {
            ErrorReporter report = errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" shape "u8);
            AppendShape(report, output);
            report.Append(" is not the broadcast of input tensor "u8).Append(input1.Index).Append(' ');
            AppendShape(report, input1);
            report.Append(" and input tensor "u8).Append(input2.Index).Append(' ');
            AppendShape(report, input2);
            report.Append(" (at most "u8).Append(BroadcastShape.MaxRank).Append(" dimensions)"u8);
            return Status.Error;
        }
        return Status.Ok;
    }

    /// <summary>Reports unless input 2 and the output have the type of input 1.</summary>
    public static Status ExpectSameType(KernelContext context, TensorInfo input1, TensorInfo input2, TensorInfo output)
    {
        Status status = context.ExpectType(input2, input1.Type, "input 2"u8);
        if (status != Status.Ok) return status;
        return context.ExpectType(output, input1.Type, "output"u8);
    }

    /// <summary>
    /// Accepts the fused activations these ops implement (NONE, RELU, RELU_N1_TO_1, RELU6); TANH, SIGN_BIT and
    /// values outside the enum are rejected rather than silently ignored.
    /// </summary>
    public static Status CheckActivation(ErrorReporter errors, ActivationFunctionType activation)
    {
        switch (activation)
        {
            case ActivationFunctionType.NONE:
            case ActivationFunctionType.RELU:
            case ActivationFunctionType.RELU_N1_TO_1:
            case ActivationFunctionType.RELU6:
                return Status.Ok;
            default:
                return errors.Fail(Status.Error, "unsupported fused activation "u8).Append((int)activation);
        }
    }

    private static void AppendShape(ErrorReporter report, TensorInfo tensor)
    {
        report.Append('[');
        for (int i = 0; i < tensor.Rank; i++)
        {
            if (i > 0) report.Append(", "u8);
            report.Append(tensor.Dim(i));
        }
        report.Append(']');
    }
}
