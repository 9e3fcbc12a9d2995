namespace TfLiteMicro.Kernels.Reference;

/// <summary>ELU (float32, int8; same type in and out).</summary>
public sealed unsafe class Elu : OpKernel
{
    public static readonly Elu Kernel = new Elu();

    public override Status Init(KernelContext context, ref Node node) => EluCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => EluCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        EluOpData* data = (EluOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                EluMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                EluMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->Table);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
