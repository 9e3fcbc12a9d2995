namespace TfLiteMicro.Kernels.Reference;

/// <summary>Prepare checks shared by SPACE_TO_DEPTH and DEPTH_TO_SPACE: 1 input, 1 output, float32/int8, 4D, block_size &gt;= 1.</summary>
public static class DepthSpaceChecks
{
    public static Status CheckOperands(KernelContext context, ref Node node, int blockSize, out TensorInfo input, out TensorInfo output,
        out int block)
    {
        input = default;
        output = default;
        block = blockSize;
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 1, 1);
        if (status != Status.Ok) return status;
        input = context.GetInputInfo(ref node, 0);
        output = context.GetOutputInfo(ref node, 0);
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, input, "input"u8, 4);
        if (status != Status.Ok) return status;
        if (blockSize < 1) return errors.Fail(Status.Error, "block_size "u8).Append(blockSize).Append(" must be at least 1"u8);
        return Status.Ok;
    }

    /// <summary>The output must be the 4-D shape computed (in 64 bits, so a huge block size cannot wrap into a match).</summary>
    public static unsafe Status ExpectShape(ErrorReporter errors, TensorInfo output, long* expected) =>
        ShapeChecks.ExpectShape(errors, output.Index, output.Shape, "output"u8, new System.ReadOnlySpan<long>(expected, 4));
}
