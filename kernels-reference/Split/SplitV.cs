namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SPLIT_V (float32, int8, int16, int32): inputs (input, size_splits, axis); cuts the input along the axis into
/// pieces of the listed sizes, one of which may be -1 for "the rest" (TFLM's split_v.cc). The axis must be
/// constant; constant size_splits are checked against the output shapes.
/// </summary>
public sealed unsafe class SplitV : OpKernel
{
    public static readonly SplitV Kernel = new SplitV();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 3 || node.OutputCount < 1)
            return errors.Fail(Status.Error, "expects 3 inputs and at least 1 output, got "u8).Append(node.InputCount)
                .Append(" and "u8).Append(node.OutputCount);
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo sizes = context.GetInputInfo(ref node, 1);
        Status status = ShapeChecks.ExpectTypeIn(context, input, SplitMath.SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = SplitMath.ResolveConstantAxis(context, context.GetInputInfo(ref node, 2), input, out int axis);
        if (status != Status.Ok) return status;
        status = SplitMath.CheckOutputs(context, ref node, input, axis);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, sizes, "size_splits"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        if (sizes.ElementCount != node.OutputCount)
            return errors.Fail(Status.Error, "size_splits tensor "u8).Append(sizes.Index).Append(" has "u8).Append(sizes.ElementCount)
                .Append(" values for "u8).Append(node.OutputCount).Append(" outputs"u8);
        if (!ShapeChecks.IsKnown(sizes)) return Status.Ok;
        // With the outputs already known to add up to the input, a -1 entry stands for whatever its output holds.
        int unknown = 0;
        for (int i = 0; i < node.OutputCount; i++)
        {
            long size = ShapeChecks.ReadInteger(sizes, i);
            int actual = context.GetOutputInfo(ref node, i).Dim(axis);
            if (size == -1)
            {
                if (++unknown > 1) return errors.Fail(Status.Error, "size_splits has more than one -1 entry"u8);
            }
            else if (size != actual)
            {
                return errors.Fail(Status.Error, "size_splits["u8).Append(i).Append("] is "u8).Append(size).Append(" but output tensor "u8)
                    .Append(context.GetOutputInfo(ref node, i).Index).Append(" has "u8).Append(actual).Append(" along axis "u8).Append(axis);
            }
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        int axis = SplitMath.ReadAxis(ref context.GetInput(ref node, 2), input.Rank);
        SplitMath.Split(context, ref node, ref input, axis);
        return Status.Ok;
    }
}
