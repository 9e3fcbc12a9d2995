using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>REDUCE_ALL (bool): logical AND over the axes of the int32 axis tensor.</summary>
public sealed unsafe class ReduceAll : OpKernel
{
    public static readonly ReduceAll Kernel = new ReduceAll();

    public override Status Init(KernelContext context, ref Node node) => ReduceCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ReduceCommon.PrepareAll(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, ReduceCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ReduceCommon.OutputTensor);
        ReadOnlySpan<int> shape = input.Shape;
        Span<int> resolvedStorage = stackalloc int[ReduceCommon.MaxRank];
        int resolvedCount = ReduceCommon.ResolveAxes(context, ref node, shape, resolvedStorage);
        if (resolvedCount < 0) return Status.Error;
        ReduceMath.Reduce(input.AsReadOnlySpan<byte>(), shape, output.AsSpan<byte>(), resolvedStorage.Slice(0, resolvedCount),
            default(Reducers.BoolAll));
        return Status.Ok;
    }
}
