using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>STRIDED_SLICE (float32, int8, int16, int32, int64, uint8, bool): a pure copy of the selected elements.</summary>
public sealed unsafe class StridedSlice : OpKernel
{
    public static readonly StridedSlice Kernel = new StridedSlice();

    public override Status Init(KernelContext context, ref Node node) => StridedSliceCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => StridedSliceCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        StridedSliceOpData* data = (StridedSliceOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, StridedSliceCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, StridedSliceCommon.OutputTensor);
        const int n = StridedSliceOpData.MaxDimensions;
        ReadOnlySpan<int> shape = new ReadOnlySpan<int>(data->InputShape, n);
        ReadOnlySpan<int> start = new ReadOnlySpan<int>(data->Start, n);
        ReadOnlySpan<int> stop = new ReadOnlySpan<int>(data->Stop, n);
        ReadOnlySpan<int> stride = new ReadOnlySpan<int>(data->Stride, n);
        switch (TensorTypes.ElementSize(input.Type))
        {
            case 1:
                StridedSliceMath.StridedSlice(input.AsReadOnlySpan<byte>(), shape, start, stop, stride, output.AsSpan<byte>());
                return Status.Ok;
            case 2:
                StridedSliceMath.StridedSlice(input.AsReadOnlySpan<short>(), shape, start, stop, stride, output.AsSpan<short>());
                return Status.Ok;
            case 4:
                StridedSliceMath.StridedSlice(input.AsReadOnlySpan<int>(), shape, start, stop, stride, output.AsSpan<int>());
                return Status.Ok;
            case 8:
                StridedSliceMath.StridedSlice(input.AsReadOnlySpan<long>(), shape, start, stop, stride, output.AsSpan<long>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
