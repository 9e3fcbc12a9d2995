using TfLiteMicro.Kernels.Reference;
using ReferenceAdd = TfLiteMicro.Kernels.Reference.Add;

namespace TfLiteMicro.Ports.Template;

/// <summary>
/// ADD for the template port. Init and Prepare are the reference's (<see cref="AddCommon"/>: the same validation, the
/// same <see cref="AddOpData"/>), so the port cannot disagree with the reference about what is valid. Invoke takes
/// its own path only where it is faster — float32 inputs of the same shape, four elements per loop step — and hands
/// every other case (broadcasting, quantized types) to the reference kernel.
/// </summary>
public sealed unsafe class Add : OpKernel
{
    public static readonly Add Kernel = new Add();

    public override Status Init(KernelContext context, ref Node node) => AddCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => AddCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        AddOpData* data = (AddOpData*)node.UserData;
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        // Same-shape inputs fuse into one dimension walked with unit strides on both sides.
        bool sameShape = data->Shape.Rank == 1 && data->Shape.InnerStride1 == 1 && data->Shape.InnerStride2 == 1;
        if (output.Type != TensorType.Float32 || !sameShape) return ReferenceAdd.Kernel.Invoke(context, ref node);
        AddFloatMath.SameShape((float*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor).Data,
            (float*)context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor).Data, (float*)output.Data,
            data->Shape.ElementCount, data->FloatActivationMin, data->FloatActivationMax);
        return Status.Ok;
    }
}
