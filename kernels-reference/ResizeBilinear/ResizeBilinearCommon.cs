using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>RESIZE_BILINEAR's Init and Prepare, shared with ports (TFLM's resize_bilinear.cc).</summary>
public static unsafe class ResizeBilinearCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(ResizeBilinearOpData));
        if (data == null) return context.Errors.LastStatus;
        *(ResizeBilinearOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ResizeBilinearOpData* data = (ResizeBilinearOpData*)node.UserData;
        Status status = ResizeGeometry.Prepare(context, ref node, out data->Geometry);
        if (status != Status.Ok) return status;

        ResizeBilinearOptions options = new ResizeBilinearOptions(node.BuiltinOptions);
        bool alignCorners = options.AlignCorners;
        data->HalfPixelCenters = options.HalfPixelCenters;
        if (alignCorners && data->HalfPixelCenters)
            return context.Errors.Fail(Status.Error, "align_corners and half_pixel_centers cannot both be true"u8);

        ref ResizeGeometry geometry = ref data->Geometry;
        data->HeightScale = ResizeBilinearMath.Scale(geometry.InputHeight, geometry.OutputHeight, alignCorners);
        data->WidthScale = ResizeBilinearMath.Scale(geometry.InputWidth, geometry.OutputWidth, alignCorners);
        data->HeightScale10 = ResizeBilinearMath.Scale10(geometry.InputHeight, geometry.OutputHeight, alignCorners);
        data->WidthScale10 = ResizeBilinearMath.Scale10(geometry.InputWidth, geometry.OutputWidth, alignCorners);
        return Status.Ok;
    }
}
