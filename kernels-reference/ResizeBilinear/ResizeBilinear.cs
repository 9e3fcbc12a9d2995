namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// RESIZE_BILINEAR (float32; int8 and int16 through TFLM's float-free integer path; align_corners,
/// half_pixel_centers). TFLM itself accepts float32 and int8 only; int16 follows the same integer arithmetic
/// (as TFLite does).
/// </summary>
public sealed unsafe class ResizeBilinear : OpKernel
{
    public static readonly ResizeBilinear Kernel = new ResizeBilinear();

    public override Status Init(KernelContext context, ref Node node) => ResizeBilinearCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ResizeBilinearCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ResizeBilinearOpData* data = (ResizeBilinearOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ResizeGeometry.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ResizeGeometry.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                ResizeBilinearMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), in data->Geometry,
                    data->HeightScale, data->WidthScale, data->HalfPixelCenters);
                return Status.Ok;
            case TensorType.Int8:
                ResizeBilinearMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), in data->Geometry,
                    data->HeightScale10, data->WidthScale10, data->HalfPixelCenters);
                return Status.Ok;
            case TensorType.Int16:
                ResizeBilinearMath.EvalInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), in data->Geometry,
                    data->HeightScale10, data->WidthScale10, data->HalfPixelCenters);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
