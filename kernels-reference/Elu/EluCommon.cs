namespace TfLiteMicro.Kernels.Reference;

/// <summary>ELU's Init and Prepare, shared with ports (TFLM's elu.cc: the int8 path is a 256-entry lookup table).</summary>
public static unsafe class EluCommon
{
    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(EluOpData));
        if (data == null) return context.Errors.LastStatus;
        *(EluOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                return Status.Ok;
            case TensorType.Int8:
                EluMath.PopulateInt8Table(((EluOpData*)node.UserData)->Table, input.Quantization.Scale, input.Quantization.ZeroPoint,
                    output.Quantization.Scale, output.Quantization.ZeroPoint);
                return Status.Ok;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }
}
