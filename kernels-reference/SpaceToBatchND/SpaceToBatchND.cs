namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SPACE_TO_BATCH_ND (float32, int8) on 3D [N, H, C] or 4D [N, H, W, C] tensors: zero-pads the spatial dimensions
/// and moves block_shape-sized tiles into the batch (TFLM's space_to_batch_nd.cc). block_shape is int32 [M],
/// paddings int32 [M, 2] with M = rank - 2. Padding is written as zero bytes for every type, int8 included (TFLM's
/// pad value stays 0; the goldens show 0, not the zero point). When block_shape and paddings are constant the output
/// shape is checked against them in Prepare, otherwise in Invoke.
/// </summary>
public sealed unsafe class SpaceToBatchND : OpKernel
{
    public static readonly SpaceToBatchND Kernel = new SpaceToBatchND();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SpaceBatchChecks.CheckOperands(context, ref node, out TensorInfo input, out TensorInfo block,
            out TensorInfo paddings, out TensorInfo output);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(block) || !ShapeChecks.IsKnown(paddings)) return Status.Ok;
        return SpaceBatchChecks.CheckSpaceToBatch(context.Errors, input.Shape, (int*)block.Data, (int*)paddings.Data, output.Shape, output.Index);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor block = ref context.GetInput(ref node, 1);
        ref EvalTensor paddings = ref context.GetInput(ref node, 2);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        bool fourD = input.Rank == 4;
        int* blockData = (int*)block.Data;
        int* padData = (int*)paddings.Data;
        // block_shape and paddings may be run-time inputs that Prepare could not check.
        Status status = SpaceBatchChecks.CheckSpaceToBatch(context.Errors, input.Shape, blockData, padData, output.Shape, node.OutputIndex(0));
        if (status != Status.Ok) return status;
        SpaceToBatchNDMath.SpaceToBatch((byte*)input.Data, (byte*)output.Data, TensorTypes.ElementSize(input.Type),
            input.Dim(0), input.Dim(1), fourD ? input.Dim(2) : 1, input.Dim(input.Rank - 1),
            output.Dim(0), output.Dim(1), fourD ? output.Dim(2) : 1,
            blockData[0], fourD ? blockData[1] : 1, padData[0], fourD ? padData[2] : 0);
        return Status.Ok;
    }
}
