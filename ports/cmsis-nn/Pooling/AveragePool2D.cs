using TfLiteMicro.Kernels.Reference;
using ReferenceAveragePool2D = TfLiteMicro.Kernels.Reference.AveragePool2D;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// AVERAGE_POOL_2D, int8: every output pixel's window through <see cref="Microkernels.AveragePoolS8"/> (four channels
/// per pass, summed with SXTAB16, divided with SDIV). Prepare is the reference's <see cref="PoolingCommon"/>; other
/// types, and windows that cover no input (which fail the op), run the reference kernel.
/// </summary>
public sealed unsafe class AveragePool2D : OpKernel
{
    public static readonly AveragePool2D Kernel = new AveragePool2D();

    public override Status Init(KernelContext context, ref Node node) => PoolingCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PoolingCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PoolingCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PoolingCommon.OutputTensor);
        if (input.Type != TensorType.Int8) return ReferenceAveragePool2D.Kernel.Invoke(context, ref node);
        PoolingMath.Geometry g = PoolingCommon.Geometry(data, ref input, ref output);
        return PoolingWindows.Run(g, (sbyte*)input.Data, (sbyte*)output.Data, data->ActivationMin, data->ActivationMax, max: false)
            ? Status.Ok
            : ReferenceAveragePool2D.Kernel.Invoke(context, ref node);
    }
}
