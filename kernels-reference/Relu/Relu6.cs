namespace TfLiteMicro.Kernels.Reference;

/// <summary>RELU6 (float32, int8, int16; same type in and out).</summary>
public sealed unsafe class Relu6 : OpKernel
{
    public static readonly Relu6 Kernel = new Relu6();

    public override Status Init(KernelContext context, ref Node node) => ReluCommon.InitRelu6(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => ReluCommon.PrepareRelu6(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        Relu6OpData* data = (Relu6OpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                ReluMath.Relu6Float(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                ReluMath.Relu6Int8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->Zero, data->Six);
                return Status.Ok;
            case TensorType.Int16:
                ReluMath.Relu6Int16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), data->Zero, data->Six);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
