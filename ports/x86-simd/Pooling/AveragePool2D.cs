using TfLiteMicro.Kernels.Reference;
using ReferenceAveragePool2D = TfLiteMicro.Kernels.Reference.AveragePool2D;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>AVERAGE_POOL_2D: int8 through <see cref="PoolingSimdMath"/>; other types run the reference kernel.</summary>
public sealed unsafe class AveragePool2D : OpKernel
{
    public static readonly AveragePool2D Kernel = new AveragePool2D();

    public override Status Init(KernelContext context, ref Node node) => PoolingCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PoolingCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, PoolingCommon.InputTensor);
        if (input.Type != TensorType.Int8) return ReferenceAveragePool2D.Kernel.Invoke(context, ref node);
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ref EvalTensor output = ref context.GetOutput(ref node, PoolingCommon.OutputTensor);
        PoolingMath.Geometry g = PoolingCommon.Geometry(data, ref input, ref output);
        bool ok = PoolingSimdMath.AveragePoolInt8(in g, (sbyte*)input.Data, (sbyte*)output.Data, data->ActivationMin, data->ActivationMax);
        return ok ? Status.Ok : context.Errors.Fail(Status.Error, "a pooling window covers no input element"u8);
    }
}
