namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ZEROS_LIKE (float32, int8, int32, int64 as in TFLM, plus int16, bool): an output of the input's shape filled with
/// zeros (TFLM's zeros_like.cc). For int8 the stored value is 0, not the zero point, exactly as TFLM writes it.
/// </summary>
public sealed unsafe class ZerosLike : OpKernel
{
    public static readonly ZerosLike Kernel = new ZerosLike();

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Int64) | (1u << (int)TensorType.Bool);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        return ShapeChecks.ExpectShape(errors, output, "output"u8, input.Shape);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        new System.Span<byte>(output.Data, output.ByteCount).Clear();
        return Status.Ok;
    }
}
