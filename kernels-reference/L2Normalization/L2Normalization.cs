namespace TfLiteMicro.Kernels.Reference;

/// <summary>L2_NORMALIZATION over the last dimension (float32, int8; same type in and out).</summary>
public sealed unsafe class L2Normalization : OpKernel
{
    public static readonly L2Normalization Kernel = new L2Normalization();

    public override Status Init(KernelContext context, ref Node node) => L2NormalizationCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => L2NormalizationCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        L2NormalizationOpData* data = (L2NormalizationOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                L2NormalizationMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), data->OuterSize, data->Depth);
                return Status.Ok;
            case TensorType.Int8:
                L2NormalizationMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->OuterSize, data->Depth,
                    data->InputZeroPoint);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
