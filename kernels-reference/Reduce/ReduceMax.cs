using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>REDUCE_MAX (float32; int8 with the output quantized like the input) over the axes of the int32 axis tensor.</summary>
public sealed unsafe class ReduceMax : OpKernel
{
    public static readonly ReduceMax Kernel = new ReduceMax();

    public override Status Init(KernelContext context, ref Node node) => ReduceCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ReduceCommon.PrepareMaxOrMin(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, ReduceCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ReduceCommon.OutputTensor);
        ReadOnlySpan<int> shape = input.Shape;
        Span<int> resolvedStorage = stackalloc int[ReduceCommon.MaxRank];
        int resolvedCount = ReduceCommon.ResolveAxes(context, ref node, shape, resolvedStorage);
        if (resolvedCount < 0) return Status.Error;
        ReadOnlySpan<int> resolved = resolvedStorage.Slice(0, resolvedCount);

        switch (input.Type)
        {
            case TensorType.Float32:
                ReduceMath.Reduce(input.AsReadOnlySpan<float>(), shape, output.AsSpan<float>(), resolved, default(Reducers.FloatMax));
                return Status.Ok;
            case TensorType.Int8:
                ReduceMath.Reduce(input.AsReadOnlySpan<sbyte>(), shape, output.AsSpan<sbyte>(), resolved, default(Reducers.Int8Max));
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
