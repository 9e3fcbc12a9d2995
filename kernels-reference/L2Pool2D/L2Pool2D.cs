namespace TfLiteMicro.Kernels.Reference;

/// <summary>L2_POOL_2D (float32, NHWC): square root of the mean of squares over each window.</summary>
public sealed unsafe class L2Pool2D : OpKernel
{
    public static readonly L2Pool2D Kernel = new L2Pool2D();

    public override Status Init(KernelContext context, ref Node node) => L2Pool2DCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => L2Pool2DCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        L2Pool2DOpData* data = (L2Pool2DOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, L2Pool2DCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, L2Pool2DCommon.OutputTensor);
        if (input.Type != TensorType.Float32)
            return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        L2Pool2DMath.EvalFloat(in *data, input.Shape, output.Shape, input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
