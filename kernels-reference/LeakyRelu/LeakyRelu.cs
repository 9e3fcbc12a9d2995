namespace TfLiteMicro.Kernels.Reference;

/// <summary>LEAKY_RELU (float32, int8, int16) with the alpha option.</summary>
public sealed unsafe class LeakyRelu : OpKernel
{
    public static readonly LeakyRelu Kernel = new LeakyRelu();

    public override Status Init(KernelContext context, ref Node node) => LeakyReluCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => LeakyReluCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        LeakyReluOpData* data = (LeakyReluOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, LeakyReluCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, LeakyReluCommon.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                LeakyReluMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), data->Alpha);
                return Status.Ok;
            case TensorType.Int8:
                LeakyReluMath.EvalQuantized(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), *data, sbyte.MinValue, sbyte.MaxValue);
                return Status.Ok;
            case TensorType.Int16:
                LeakyReluMath.EvalQuantized(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), *data, short.MinValue, short.MaxValue);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
