using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>SUM (float32, int8, int16) over the axes given by the int32 axis tensor, with keep_dims.</summary>
public sealed unsafe class ReduceSum : OpKernel
{
    public static readonly ReduceSum Kernel = new ReduceSum();

    public override Status Init(KernelContext context, ref Node node) => ReduceCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ReduceCommon.PrepareSum(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ReduceOpData* data = (ReduceOpData*)node.UserData;
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
                ReduceMath.Reduce(input.AsReadOnlySpan<float>(), shape, output.AsSpan<float>(), resolved, default(Reducers.FloatSum));
                return Status.Ok;
            case TensorType.Int8:
                ReduceMath.SumRequantized(input.AsReadOnlySpan<sbyte>(), shape, output.AsSpan<sbyte>(), resolved, Sums(context, data, ref output),
                    data->InputZeroPoint, data->OutputZeroPoint, data->Multiplier, data->Shift, sbyte.MinValue, sbyte.MaxValue);
                return Status.Ok;
            case TensorType.Int16:
                ReduceMath.SumRequantized(input.AsReadOnlySpan<short>(), shape, output.AsSpan<short>(), resolved, Sums(context, data, ref output),
                    data->InputZeroPoint, data->OutputZeroPoint, data->Multiplier, data->Shift, short.MinValue, short.MaxValue);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }

    private static Span<int> Sums(KernelContext context, ReduceOpData* data, ref EvalTensor output) =>
        new Span<int>(context.GetScratchBuffer(data->TempSumBufferIndex), output.ElementCount);
}
