namespace TfLiteMicro.Kernels.Reference;

/// <summary>MUL (float32, int32, int8, int16) with broadcasting up to <see cref="BroadcastShape.MaxRank"/> dimensions.</summary>
public sealed unsafe class Mul : OpKernel
{
    public static readonly Mul Kernel = new Mul();

    public override Status Init(KernelContext context, ref Node node) => MulCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => MulCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        MulOpData* data = (MulOpData*)node.UserData;
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        switch (output.Type)
        {
            case TensorType.Float32:
                MulMath.MulFloat(in data->Shape, input1.AsReadOnlySpan<float>(), input2.AsReadOnlySpan<float>(),
                    output.AsSpan<float>(), new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                return Status.Ok;
            case TensorType.Int32:
                MulMath.MulInt32(in data->Shape, input1.AsReadOnlySpan<int>(), input2.AsReadOnlySpan<int>(), output.AsSpan<int>(),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int8:
                MulMath.MulInt8(in *data, input1.AsReadOnlySpan<sbyte>(), input2.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>());
                return Status.Ok;
            case TensorType.Int16:
                MulMath.MulInt16(in *data, input1.AsReadOnlySpan<short>(), input2.AsReadOnlySpan<short>(), output.AsSpan<short>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported output type "u8).Append(TensorTypes.Name(output.Type));
        }
    }
}
