namespace TfLiteMicro.Kernels.Reference;

/// <summary>TANH (float32, int8, int16; same type in and out).</summary>
public sealed unsafe class Tanh : OpKernel
{
    public static readonly Tanh Kernel = new Tanh();

    public override Status Init(KernelContext context, ref Node node) => TanhCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => TanhCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        TanhOpData* data = (TanhOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, ElementwiseActivationPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, ElementwiseActivationPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                TanhMath.EvalFloat(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                TanhMath.EvalInt8(input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->InputZeroPoint,
                    data->InputRangeRadius, data->InputMultiplier, data->InputLeftShift);
                return Status.Ok;
            case TensorType.Int16:
                TanhMath.EvalInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), data->InputMultiplier, data->InputLeftShift);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
