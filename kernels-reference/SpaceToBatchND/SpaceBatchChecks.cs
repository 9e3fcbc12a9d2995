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

    /// <summary>
    /// SPACE_TO_BATCH_ND: every block size at least 1 and dividing its padded dimension, paddings not negative, and the
    /// output [batch × Πblock, (dim + paddings) / block ..., depth]. In 64 bits, so no model value can wrap. Called in
    /// Prepare when block_shape and paddings are constant, else in Invoke (they are then run-time inputs).
    /// </summary>
    public static Status CheckSpaceToBatch(ErrorReporter errors, System.ReadOnlySpan<int> input, int* block, int* paddings,
        System.ReadOnlySpan<int> output, int outputIndex)
    {
        int rank = input.Length;
        long* expected = stackalloc long[4];
        long batch = input[0];
        for (int m = 0; m < rank - 2; m++)
        {
            long blockSize = block[m];
            long before = paddings[2 * m];
            long after = paddings[2 * m + 1];
            long padded = input[1 + m] + before + after;
            if (blockSize < 1 || before < 0 || after < 0 || padded % blockSize != 0)
                return errors.Fail(Status.Error, "block_shape["u8).Append(m).Append("] = "u8).Append(blockSize)
                    .Append(" does not divide padded dimension "u8).Append(1 + m).Append(" ("u8).Append(input[1 + m]).Append(" + "u8)
                    .Append(before).Append(" + "u8).Append(after).Append(')');
            expected[1 + m] = padded / blockSize;
            batch *= blockSize;
        }
        expected[0] = batch;
        expected[rank - 1] = input[rank - 1];
        return ShapeChecks.ExpectShape(errors, outputIndex, output, "output"u8, new System.ReadOnlySpan<long>(expected, rank));
    }

    /// <summary>
    /// BATCH_TO_SPACE_ND: block sizes at least 1 whose product divides the batch, crops not negative and not larger
    /// than the spatial size, and the output [batch / Πblock, dim × block − crops ..., depth] (64-bit, as above).
    /// </summary>
    public static Status CheckBatchToSpace(ErrorReporter errors, System.ReadOnlySpan<int> input, int* block, int* crops,
        System.ReadOnlySpan<int> output, int outputIndex)
    {
        int rank = input.Length;
        long* expected = stackalloc long[4];
        long tiles = 1;
        for (int m = 0; m < rank - 2; m++)
        {
            long blockSize = block[m];
            long before = crops[2 * m];
            long after = crops[2 * m + 1];
            long size = input[1 + m] * blockSize - before - after;
            if (blockSize < 1 || before < 0 || after < 0 || size < 0)
                return errors.Fail(Status.Error, "block_shape["u8).Append(m).Append("] = "u8).Append(blockSize).Append(" with crops "u8)
                    .Append(before).Append(", "u8).Append(after).Append(" is invalid for spatial size "u8).Append(input[1 + m]);
            expected[1 + m] = size;
            tiles *= blockSize;
        }
        if (input[0] % tiles != 0)
            return errors.Fail(Status.Error, "input batch "u8).Append(input[0]).Append(" is not a multiple of the block size product "u8).Append(tiles);
        expected[0] = input[0] / tiles;
        expected[rank - 1] = input[rank - 1];
        return ShapeChecks.ExpectShape(errors, outputIndex, output, "output"u8, new System.ReadOnlySpan<long>(expected, rank));
    }
}
