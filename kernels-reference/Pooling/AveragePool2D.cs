namespace TfLiteMicro.Kernels.Reference;

/// <summary>AVERAGE_POOL_2D (float32, int8, int16; TFLite's legacy uint8), NHWC.</summary>
public sealed unsafe class AveragePool2D : OpKernel
{
    public static readonly AveragePool2D Kernel = new AveragePool2D();

    public override Status Init(KernelContext context, ref Node node) => PoolingCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => PoolingCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        PoolingOpData* data = (PoolingOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, PoolingCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, PoolingCommon.OutputTensor);
        PoolingMath.Geometry g = PoolingCommon.Geometry(data, ref input, ref output);
        bool ok;
        switch (input.Type)
        {
            case TensorType.Float32:
                ok = PoolingMath.AveragePoolFloat(g, input.AsReadOnlySpan<float>(), output.AsSpan<float>(),
                    new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                break;
            case TensorType.Int8:
                ok = PoolingMath.AveragePoolInt8(g, input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(),
                    data->ActivationMin, data->ActivationMax);
                break;
            case TensorType.Int16:
                ok = PoolingMath.AveragePoolInt16(g, input.AsReadOnlySpan<short>(), output.AsSpan<short>(),
                    data->ActivationMin, data->ActivationMax);
                break;
            case TensorType.UInt8:
                ok = LegacyUInt8Kernels.AveragePool(g, input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), data->ActivationMin, data->ActivationMax);
                break;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
        // A window lying wholly in the padding has nothing to average; TFLM fails the op in that case.
        return ok ? Status.Ok : context.Errors.Fail(Status.Error, "a pooling window covers no input element"u8);
    }
}
