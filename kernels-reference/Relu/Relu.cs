namespace TfLiteMicro.Kernels.Reference;

/// <summary>RELU (float32, int8, int16; same type in and out).</summary>
public sealed unsafe class Relu : OpKernel
{
    public static readonly Relu Kernel = new Relu();

    public override Status Init(KernelContext context, ref Node node) => ReluCommon.InitRelu(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ReluCommon.PrepareRelu(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ReluOpData* data = (ReluOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                ReluMath.ReluFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                ReluMath.ReluInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), *data);
                return Status.Ok;
            case TensorType.Int16:
                ReluMath.ReluInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), *data);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
