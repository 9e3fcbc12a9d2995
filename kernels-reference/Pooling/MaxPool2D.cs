namespace TfLiteMicro.Kernels.Reference;

/// <summary>MAX_POOL_2D (float32, int8, int16; TFLite's legacy uint8), NHWC.</summary>
public sealed unsafe class MaxPool2D : OpKernel
{
    public static readonly MaxPool2D Kernel = new MaxPool2D();

    public override Status Init(KernelContext context, ref Node node) => PoolingCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PoolingCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PoolingCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PoolingCommon.OutputTensor);
        PoolingMath.Geometry g = PoolingCommon.Geometry(data, ref input, ref output);
        switch (input.Type)
        {
            case TensorType.Float32:
                PoolingMath.MaxPoolFloat(g, input.AsReadOnlySpan<float>(), output.AsSpan<float>(),
                    new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                return Status.Ok;
            case TensorType.Int8:
                PoolingMath.MaxPoolInt8(g, input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), data->ActivationMin, data->ActivationMax);
                return Status.Ok;
            case TensorType.Int16:
                PoolingMath.MaxPoolInt16(g, input.AsReadOnlySpan<short>(), output.AsSpan<short>(), data->ActivationMin, data->ActivationMax);
                return Status.Ok;
            case TensorType.UInt8:
                LegacyUInt8Kernels.MaxPool(g, input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), data->ActivationMin, data->ActivationMax);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
