using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>RESIZE_NEAREST_NEIGHBOR's Init and Prepare, shared with ports (TFLM's resize_nearest_neighbor.cc).</summary>
public static unsafe class ResizeNearestNeighborCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(ResizeNearestNeighborOpData));
        if (data == null) return context.Errors.LastStatus;
        *(ResizeNearestNeighborOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ResizeNearestNeighborOpData* data = (ResizeNearestNeighborOpData*)node.UserData;
        Status status = ResizeGeometry.Prepare(context, ref node, out data->Geometry);
        if (status != Status.Ok) return status;

        // TFLM accepts align_corners together with half_pixel_centers here (unlike RESIZE_BILINEAR), so do we.
        ResizeNearestNeighborOptions options = new ResizeNearestNeighborOptions(node.BuiltinOptions);
        data->AlignCorners = options.AlignCorners;
        data->HalfPixelCenters = options.HalfPixelCenters;
        ref ResizeGeometry geometry = ref data->Geometry;
        data->HeightScale = ResizeNearestNeighborMath.Scale(geometry.InputHeight, geometry.OutputHeight, data->AlignCorners);
        data->WidthScale = ResizeNearestNeighborMath.Scale(geometry.InputWidth, geometry.OutputWidth, data->AlignCorners);
        return Status.Ok;
    }
}
