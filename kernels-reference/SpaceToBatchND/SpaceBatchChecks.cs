namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The Prepare checks SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND share (TFLM's *_common.cc): 3 inputs, 1 output,
/// float32 or int8, input and output of rank 3 or 4 and equal type and rank, block_shape int32 [M] and
/// paddings/crops int32 [M, 2] with M = rank - 2.
/// </summary>
public static unsafe class SpaceBatchChecks
{
    public static Status CheckOperands(KernelContext context, ref Node node, out TensorInfo input, out TensorInfo block,
        out TensorInfo amounts, out TensorInfo output)
    {
        input = default;
        block = default;
        amounts = default;
        output = default;
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 3, 1);
        if (status != Status.Ok) return status;
        input = context.GetInputInfo(ref node, 0);
        block = context.GetInputInfo(ref node, 1);
        amounts = context.GetInputInfo(ref node, 2);
        output = context.GetOutputInfo(ref node, 0);
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRankBetween(errors, input, "input"u8, 3, 4);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, output, "output"u8, input.Rank);
        if (status != Status.Ok) return status;
        status = context.ExpectType(block, TensorType.Int32, "block_shape"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(amounts, TensorType.Int32, "paddings/crops"u8);
        if (status != Status.Ok) return status;
        int spatial = input.Rank - 2;
        int* blockShape = stackalloc int[1];
        blockShape[0] = spatial;
        status = ShapeChecks.ExpectShape(errors, block, "block_shape"u8, new System.ReadOnlySpan<int>(blockShape, 1));
        if (status != Status.Ok) return status;
        int* amountShape = stackalloc int[2];
        amountShape[0] = spatial;
        amountShape[1] = 2;
        return ShapeChecks.ExpectShape(errors, amounts, "paddings/crops"u8, new System.ReadOnlySpan<int>(amountShape, 2));
    }
}
