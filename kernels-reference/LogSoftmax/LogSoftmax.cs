namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOG_SOFTMAX over the last dimension (float32; int8 with output scale 16/256, zero point 127).</summary>
public sealed unsafe class LogSoftmax : OpKernel
{
    public static readonly LogSoftmax Kernel = new LogSoftmax();

    public override Status Init(KernelContext context, ref Node node) => LogSoftmaxCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => LogSoftmaxCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        LogSoftmaxOpData* data = (LogSoftmaxOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                LogSoftmaxMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), data->OuterSize, data->Depth);
                return Status.Ok;
            case TensorType.Int8:
                LogSoftmaxMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), in *data);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
