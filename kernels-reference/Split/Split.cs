using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SPLIT (float32, int8, int16, int32): inputs (axis, input); cuts the input into <c>num_splits</c> equal parts
/// along the axis (TFLM's split.cc). As in TFLM the axis must be constant, since the output shapes are static.
/// </summary>
public sealed unsafe class Split : OpKernel
{
    public static readonly Split Kernel = new Split();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount < 1)
            return errors.Fail(Status.Error, "expects 2 inputs and at least 1 output, got "u8).Append(node.InputCount)
                .Append(" and "u8).Append(node.OutputCount);
        TensorInfo input = context.GetInputInfo(ref node, 1);
        Status status = ShapeChecks.ExpectTypeIn(context, input, SplitMath.SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = SplitMath.ResolveConstantAxis(context, context.GetInputInfo(ref node, 0), input, out int axis);
        if (status != Status.Ok) return status;
        int splits = new SplitOptions(node.BuiltinOptions).NumSplits;
        if (splits != node.OutputCount || input.Dim(axis) % node.OutputCount != 0)
            return errors.Fail(Status.Error, "num_splits "u8).Append(splits).Append(" with "u8).Append(node.OutputCount)
                .Append(" outputs does not divide input tensor "u8).Append(input.Index).Append("'s "u8).Append(input.Dim(axis))
                .Append(" along axis "u8).Append(axis);
        int part = input.Dim(axis) / node.OutputCount;
        for (int i = 0; i < node.OutputCount; i++)
        {
            TensorInfo output = context.GetOutputInfo(ref node, i);
            if (output.Rank == input.Rank && output.Dim(axis) != part)
                return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.Dim(axis))
                    .Append(" along axis "u8).Append(axis).Append(", expected "u8).Append(part);
        }
        return SplitMath.CheckOutputs(context, ref node, input, axis);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 1);
        int axis = SplitMath.ReadAxis(ref context.GetInput(ref node, 0), input.Rank);
        SplitMath.Split(context, ref node, ref input, axis);
        return Status.Ok;
    }
}
