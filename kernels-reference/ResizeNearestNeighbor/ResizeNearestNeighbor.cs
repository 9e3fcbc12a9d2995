namespace TfLiteMicro.Kernels.Reference;

/// <summary>RESIZE_NEAREST_NEIGHBOR (float32, int8, int16; align_corners, half_pixel_centers). A pure copy.</summary>
public sealed unsafe class ResizeNearestNeighbor : OpKernel
{
    public static readonly ResizeNearestNeighbor Kernel = new ResizeNearestNeighbor();

    public override Status Init(KernelContext context, ref Node node) => ResizeNearestNeighborCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ResizeNearestNeighborCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ResizeNearestNeighborOpData* data = (ResizeNearestNeighborOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ResizeGeometry.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ResizeGeometry.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                // Copied as 32-bit patterns, as TFLM does.
                ResizeNearestNeighborMath.Eval(input.AsReadOnlySpan<int>(), output.AsSpan<int>(), in data->Geometry,
                    data->HeightScale, data->WidthScale, data->AlignCorners, data->HalfPixelCenters);
                return Status.Ok;
            case TensorType.Int8:
                ResizeNearestNeighborMath.Eval(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), in data->Geometry,
                    data->HeightScale, data->WidthScale, data->AlignCorners, data->HalfPixelCenters);
                return Status.Ok;
            case TensorType.Int16:
                ResizeNearestNeighborMath.Eval(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), in data->Geometry,
                    data->HeightScale, data->WidthScale, data->AlignCorners, data->HalfPixelCenters);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
