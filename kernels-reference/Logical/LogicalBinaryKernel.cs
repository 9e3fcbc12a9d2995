namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Base of LOGICAL_AND and LOGICAL_OR: two bool inputs broadcast into a bool output. The node data is the
/// <see cref="BroadcastShape"/> computed at Prepare.
/// </summary>
public abstract unsafe class LogicalBinaryKernel : OpKernel
{
    public override Status Init(KernelContext context, ref Node node) => BroadcastOnlyOpData.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out *(BroadcastShape*)node.UserData);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        if (input1.Type != TensorType.Bool) return context.UnsupportedType(input1, "input 1"u8);
        return BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
    }
}
