using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>MEAN (float32, int8, int16) over the axes given by the int32 axis tensor, with keep_dims.</summary>
public sealed unsafe class Mean : OpKernel
{
    public static readonly Mean Kernel = new Mean();

    public override Status Init(KernelContext context, ref Node node) => MeanCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => MeanCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        MeanOpData* data = (MeanOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, MeanCommon.InputTensor);
        ref EvalTensor axis = ref context.GetInput(ref node, MeanCommon.AxisTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, MeanCommon.OutputTensor);
        ReadOnlySpan<int> axes = axis.AsReadOnlySpan<int>();
        ReadOnlySpan<int> shape = input.Shape;

        Span<int> resolvedStorage = stackalloc int[MeanCommon.MaxRank];
        int resolvedCount = MeanMath.ResolveAxes(shape.Length, axes, resolvedStorage);
        if (resolvedCount < 0)
            return context.Errors.Fail(Status.Error, "an axis is out of range for input rank "u8).Append(shape.Length);
        ReadOnlySpan<int> resolved = resolvedStorage.Slice(0, resolvedCount);
        Status status = ReduceCommon.CheckKeptElements(context.Errors, shape, resolved, output.ElementCount);
        if (status != Status.Ok) return status;

        switch (input.Type)
        {
            case TensorType.Float32:
                if (data->KeepDims && IsHeightWidthOf4D(shape.Length, axes))
                    MeanMath.MeanFloatOverHeightWidth(input.AsReadOnlySpan<float>(), output.AsSpan<float>(),
                        shape[0], shape[1], shape[2], shape[3]);
                else
                    MeanMath.MeanFloat(input.AsReadOnlySpan<float>(), shape, output.AsSpan<float>(), resolved);
                return Status.Ok;
            case TensorType.Int8:
                EvalInteger(input.AsReadOnlySpan<sbyte>(), shape, output.AsSpan<sbyte>(), resolved, Sums(context, data, ref output),
                    data, sbyte.MinValue, sbyte.MaxValue);
                return Status.Ok;
            case TensorType.Int16:
                EvalInteger(input.AsReadOnlySpan<short>(), shape, output.AsSpan<short>(), resolved, Sums(context, data, ref output),
                    data, short.MinValue, short.MaxValue);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }

    // TFLM takes its 4D float shortcut only for exactly two axis entries that are literally 1 and 2 (in either order).
    private static bool IsHeightWidthOf4D(int rank, ReadOnlySpan<int> axes) =>
        rank == 4 && axes.Length == 2 && ((axes[0] == 1 && axes[1] == 2) || (axes[0] == 2 && axes[1] == 1));

    private static Span<int> Sums(KernelContext context, MeanOpData* data, ref EvalTensor output) =>
        new Span<int>(context.GetScratchBuffer(data->TempSumBufferIndex), output.ElementCount);

    private static void EvalInteger<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> shape, Span<T> output, ReadOnlySpan<int> resolved,
        Span<int> sums, MeanOpData* data, int min, int max) where T : unmanaged
    {
        if (data->InputZeroPoint == data->OutputZeroPoint && data->InputScale == data->OutputScale)
            MeanMath.MeanSameQuantization(input, shape, output, resolved, sums);
        else
            MeanMath.MeanRequantized(input, shape, output, resolved, sums, data->InputZeroPoint, data->OutputZeroPoint,
                data->Multiplier, data->Shift, min, max);
    }
}
