namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BROADCAST_ARGS: inputs two 1-D shapes (both int32 or both int64), output the shape they broadcast to, of the same
/// type and length max(len0, len1) (TFLM's broadcast_args.cc). Shapes are aligned at the end; a missing dimension
/// counts as 1. Incompatible shapes (sizes differ and neither is 1) fail Invoke.
/// </summary>
public sealed unsafe class BroadcastArgs : OpKernel
{
    public static readonly BroadcastArgs Kernel = new BroadcastArgs();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo shape0 = context.GetInputInfo(ref node, 0);
        TensorInfo shape1 = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectIndexType(context, shape0, "shape"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, shape1, shape0, "shape"u8, "shape"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, shape0, "output"u8, "shape"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, shape0, "shape"u8, 1);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, shape1, "shape"u8, 1);
        if (status != Status.Ok) return status;
        int* expected = stackalloc int[1];
        expected[0] = shape0.Dim(0) > shape1.Dim(0) ? shape0.Dim(0) : shape1.Dim(0);
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, 1));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor shape0 = ref context.GetInput(ref node, 0);
        ref EvalTensor shape1 = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int length0 = shape0.Dim(0);
        int length1 = shape1.Dim(0);
        int length = output.Dim(0);
        for (int i = 0; i < length; i++)
        {
            // Position i of the output lines up with position i - (length - lengthK) of each input.
            int i0 = i - (length - length0);
            int i1 = i - (length - length1);
            long d0 = i0 >= 0 ? ShapeChecks.ReadInteger(ref shape0, i0) : 1;
            long d1 = i1 >= 0 ? ShapeChecks.ReadInteger(ref shape1, i1) : 1;
            if (d0 != d1 && d0 != 1 && d1 != 1)
                return context.Errors.Fail(Status.Error, "shapes do not broadcast: "u8).Append(d0).Append(" against "u8).Append(d1)
                    .Append(" at output position "u8).Append(i);
            long result = d0 == 1 ? d1 : d0;
            if (output.Type == TensorType.Int64) ((long*)output.Data)[i] = result;
            else ((int*)output.Data)[i] = (int)result;
        }
        return Status.Ok;
    }
}
