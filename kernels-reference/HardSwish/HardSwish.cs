namespace TfLiteMicro.Kernels.Reference;

/// <summary>HARD_SWISH (float32, int8; same type in and out).</summary>
public sealed unsafe class HardSwish : OpKernel
{
    public static readonly HardSwish Kernel = new HardSwish();

    public override Status Init(KernelContext context, ref Node node) => HardSwishCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => HardSwishCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        HardSwishOpData* data = (HardSwishOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                HardSwishMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                HardSwishMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), in *data);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
