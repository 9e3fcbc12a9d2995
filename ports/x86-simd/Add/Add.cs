using TfLiteMicro.Kernels.Reference;
using ReferenceAdd = TfLiteMicro.Kernels.Reference.Add;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>ADD: int8 through <see cref="AddSimdMath"/>; other types run the reference kernel. Prepare is the reference's.</summary>
public sealed unsafe class Add : OpKernel
{
    public static readonly Add Kernel = new Add();

    public override Status Init(KernelContext context, ref Node node) => AddCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => AddCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        if (output.Type != TensorType.Int8) return ReferenceAdd.Kernel.Invoke(context, ref node);
        AddSimdMath.AddInt8(in *(AddOpData*)node.UserData,
            (sbyte*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor).Data,
            (sbyte*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor).Data, (sbyte*)output.Data);
        return Status.Ok;
    }
}
