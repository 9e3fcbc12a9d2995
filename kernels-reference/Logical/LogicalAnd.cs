using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOGICAL_AND (bool, with broadcasting).</summary>
public sealed unsafe class LogicalAnd : LogicalBinaryKernel
{
    public static readonly LogicalAnd Kernel = new LogicalAnd();

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        LogicalMath.And(in *(BroadcastShape*)node.UserData, input1.AsReadOnlySpan<byte>(), input2.AsReadOnlySpan<byte>(), output.AsSpan<byte>());
        return Status.Ok;
    }
}
