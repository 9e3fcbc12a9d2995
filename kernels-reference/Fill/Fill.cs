namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FILL (float32, int8, int32 as in TFLM, plus int16, int64, bool): inputs (dims, value); sets every output element
/// to the scalar value (TFLM's fill.cc). The output shape is static: when dims is constant (int8/16/32/64, 1-D) it
/// must equal the output tensor's shape.
/// </summary>
public sealed unsafe class Fill : OpKernel
{
    public static readonly Fill Kernel = new Fill();

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Int64) | (1u << (int)TensorType.Bool);

    private const uint DimsTypes = (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16) | (1u << (int)TensorType.Int32)
        | (1u << (int)TensorType.Int64);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo dims = context.GetInputInfo(ref node, 0);
        TensorInfo value = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, value, SupportedTypes, "value"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, value, "output"u8, "value"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, value, "value"u8, 0);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectTypeIn(context, dims, DimsTypes, "dims"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, dims, "dims"u8, 1);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(dims)) return Status.Ok;
        if (dims.Dim(0) > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "dims tensor "u8).Append(dims.Index).Append(" has "u8).Append(dims.Dim(0))
                .Append(" entries, at most "u8).Append(ShapeChecks.MaxRank).Append(" are supported"u8);
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        for (int i = 0; i < dims.Dim(0); i++) expected[i] = (int)ShapeChecks.ReadInteger(dims, i);
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, dims.Dim(0)));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor value = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        switch (TensorTypes.ElementSize(output.Type))
        {
            case 1: output.AsSpan<byte>().Fill(*(byte*)value.Data); break;
            case 2: output.AsSpan<short>().Fill(*(short*)value.Data); break;
            case 4: output.AsSpan<int>().Fill(*(int*)value.Data); break;
            default: output.AsSpan<long>().Fill(*(long*)value.Data); break;
        }
        return Status.Ok;
    }
}
