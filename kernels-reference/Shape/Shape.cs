namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SHAPE: writes the input's dimensions into a 1-D output (TFLM's shape.cc). TFLM only produces int32; int64
/// (TFLite's other out_type) is supported here as well. The input may be of any type; its shape is static in TFLM,
/// so the output length must equal the input's rank.
/// </summary>
public sealed unsafe class Shape : OpKernel
{
    public static readonly Shape Kernel = new Shape();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectIndexType(context, output, "output"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        int* expected = stackalloc int[1];
        expected[0] = input.Rank;
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, 1));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int rank = input.Rank;
        for (int d = 0; d < rank; d++)
        {
            if (output.Type == TensorType.Int64) ((long*)output.Data)[d] = input.Dim(d);
            else ((int*)output.Data)[d] = input.Dim(d);
        }
        return Status.Ok;
    }
}
