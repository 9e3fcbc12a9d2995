using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOGICAL_NOT (bool only, as TFLM).</summary>
public sealed class LogicalNot : OpKernel
{
    public static readonly LogicalNot Kernel = new LogicalNot();

    public override Status Prepare(KernelContext context, ref Node node) =>
        UnaryOpPrepare.CheckSingleType(context, ref node, TensorType.Bool, requireSameShape: false);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.LogicalNot(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>());
        return Status.Ok;
    }
}
