namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// EXPAND_DIMS (float32, int8, int16 as in TFLM, plus int32, int64, bool, uint8): inserts a size-1 dimension at the
/// constant axis (int32 or int64; negative counts from the end of the output) and copies the data (TFLM's
/// expand_dims.cc). The output shape must be the input's with that 1 inserted.
/// </summary>
public sealed unsafe class ExpandDims : OpKernel
{
    public static readonly ExpandDims Kernel = new ExpandDims();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo axis = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, axis, "axis"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(axis))
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axis.Index)
                .Append(" is not constant; the output shape must be known when the model is prepared"u8);
        if (axis.Rank > 1 || axis.ElementCount != 1)
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axis.Index).Append(" must hold exactly one value"u8);
        int rank = input.Rank + 1;
        if (rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", at most "u8).Append(ShapeChecks.MaxRank - 1).Append(" is supported"u8);
        long value = ShapeChecks.ReadInteger(axis, 0);
        long resolved = value < 0 ? value + rank : value;
        if (resolved < 0 || resolved >= rank)
            return errors.Fail(Status.Error, "axis "u8).Append(value).Append(" is outside the output's "u8).Append(rank).Append(" dimensions"u8);
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        for (int d = 0, s = 0; d < rank; d++)
        {
            expected[d] = d == resolved ? 1 : input.Dim(s++);
        }
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, rank));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        ShapeChecks.CopyBytes(input.Data, output.Data, input.ByteCount);
        return Status.Ok;
    }
}
