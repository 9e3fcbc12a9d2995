using TfLiteMicro.Kernels.Reference;
using ReferenceMaxPool2D = TfLiteMicro.Kernels.Reference.MaxPool2D;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// MAX_POOL_2D, int8: every output pixel's window through <see cref="Microkernels.MaxPoolS8"/> (four channels per
/// pass with SSUB8 + SEL). Prepare is the reference's <see cref="PoolingCommon"/>; other types run the reference kernel.
/// </summary>
public sealed unsafe class MaxPool2D : OpKernel
{
    public static readonly MaxPool2D Kernel = new MaxPool2D();

    public override Status Init(KernelContext context, ref Node node) => PoolingCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PoolingCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PoolingCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PoolingCommon.OutputTensor);
        if (input.Type != TensorType.Int8) return ReferenceMaxPool2D.Kernel.Invoke(context, ref node);
        PoolingMath.Geometry g = PoolingCommon.Geometry(data, ref input, ref output);
        PoolingWindows.Run(g, (sbyte*)input.Data, (sbyte*)output.Data, data->ActivationMin, data->ActivationMax, max: true);
        return Status.Ok;
    }
}
