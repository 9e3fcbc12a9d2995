namespace TfLiteMicro.Kernels.Reference;

/// <summary>PRELU (float32; int8 and int16 with int8 alpha), alpha broadcast against the input.</summary>
public sealed unsafe class Prelu : OpKernel
{
    public static readonly Prelu Kernel = new Prelu();

    public override Status Init(KernelContext context, ref Node node) => PreluCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PreluCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PreluOpData* data = (PreluOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PreluCommon.InputTensor);
        ref EvalTensor alpha = ref context.GetInput(ref node, PreluCommon.AlphaTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PreluCommon.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                PreluMath.EvalFloat(in data->Shape, input.AsReadOnlySpan<float>(), alpha.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                PreluMath.EvalQuantized(in data->Shape, in *data, input.AsReadOnlySpan<sbyte>(), alpha.AsReadOnlySpan<sbyte>(),
                    output.AsSpan<sbyte>(), sbyte.MinValue, sbyte.MaxValue);
                return Status.Ok;
            case TensorType.Int16:
                PreluMath.EvalQuantized(in data->Shape, in *data, input.AsReadOnlySpan<short>(), alpha.AsReadOnlySpan<sbyte>(),
                    output.AsSpan<short>(), short.MinValue, short.MaxValue);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
