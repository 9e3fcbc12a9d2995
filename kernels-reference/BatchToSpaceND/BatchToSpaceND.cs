namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BATCH_TO_SPACE_ND (float32, int8) on 3D [N, H, C] or 4D [N, H, W, C] tensors: the inverse of SPACE_TO_BATCH_ND,
/// moving batch tiles back into space and cropping (TFLM's batch_to_space_nd.cc). block_shape int32 [M], crops int32
/// [M, 2]. When both are constant the output shape is checked against them.
/// </summary>
public sealed unsafe class BatchToSpaceND : OpKernel
{
    public static readonly BatchToSpaceND Kernel = new BatchToSpaceND();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SpaceBatchChecks.CheckOperands(context, ref node, out TensorInfo input, out TensorInfo block,
            out TensorInfo crops, out TensorInfo output);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(block) || !ShapeChecks.IsKnown(crops)) return Status.Ok;
        int* expected = stackalloc int[4];
        int rank = input.Rank;
        int tiles = 1;
        for (int m = 0; m < rank - 2; m++)
        {
            int blockSize = ((int*)block.Data)[m];
            int before = ((int*)crops.Data)[2 * m];
            int after = ((int*)crops.Data)[2 * m + 1];
            int size = input.Dim(1 + m) * blockSize - before - after;
            if (blockSize < 1 || before < 0 || after < 0 || size < 0)
                return context.Errors.Fail(Status.Error, "block_shape["u8).Append(m).Append("] = "u8).Append(blockSize).Append(" with crops "u8)
                    .Append(before).Append(", "u8).Append(after).Append(" is invalid for input tensor "u8).Append(input.Index);
            expected[1 + m] = size;
            tiles *= blockSize;
        }
        if (input.Dim(0) % tiles != 0)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" batch "u8).Append(input.Dim(0))
                .Append(" is not a multiple of the block size product "u8).Append(tiles);
        expected[0] = input.Dim(0) / tiles;
        expected[rank - 1] = input.Dim(rank - 1);
        return ShapeChecks.ExpectShape(context.Errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, rank));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor block = ref context.GetInput(ref node, 1);
        ref EvalTensor crops = ref context.GetInput(ref node, 2);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        bool fourD = input.Rank == 4;
        int* blockData = (int*)block.Data;
        int* cropData = (int*)crops.Data;
        BatchToSpaceNDMath.BatchToSpace((byte*)input.Data, (byte*)output.Data, TensorTypes.ElementSize(input.Type),
            input.Dim(0), input.Dim(1), fourD ? input.Dim(2) : 1, input.Dim(input.Rank - 1),
            output.Dim(0), output.Dim(1), fourD ? output.Dim(2) : 1,
            blockData[0], fourD ? blockData[1] : 1, cropData[0], fourD ? cropData[2] : 0);
        return Status.Ok;
    }
}
