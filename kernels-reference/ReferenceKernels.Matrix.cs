using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddBatchMatMul(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.BATCH_MATMUL, BatchMatMul.Kernel);

    public static Status AddResizeBilinear(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RESIZE_BILINEAR, ResizeBilinear.Kernel);

    public static Status AddResizeNearestNeighbor(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, ResizeNearestNeighbor.Kernel);

    static partial void AddMatrixKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddBatchMatMul();
        if (status == Status.Ok) status = resolver.AddResizeBilinear();
        if (status == Status.Ok) status = resolver.AddResizeNearestNeighbor();
    }
}
