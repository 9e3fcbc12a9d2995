namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BATCH_TO_SPACE_ND (float32, int8) on 3D [N, H, C] or 4D [N, H, W, C] tensors: the inverse of SPACE_TO_BATCH_ND,
/// moving batch tiles back into space and cropping (TFLM's batch_to_space_nd.cc). block_shape int32 [M], crops int32
/// [M, 2]. When both are constant the output shape is checked against them in Prepare, otherwise in Invoke.
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
        return SpaceBatchChecks.CheckBatchToSpace(context.Errors, input.Shape, (int*)block.Data, (int*)crops.Data, output.Shape, output.Index);
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
        // block_shape and crops may be run-time inputs that Prepare could not check.
        Status status = SpaceBatchChecks.CheckBatchToSpace(context.Errors, input.Shape, blockData, cropData, output.Shape, node.OutputIndex(0));
        if (status != Status.Ok) return status;
        BatchToSpaceNDMath.BatchToSpace((byte*)input.Data, (byte*)output.Data, TensorTypes.ElementSize(input.Type),
            input.Dim(0), input.Dim(1), fourD ? input.Dim(2) : 1, input.Dim(input.Rank - 1),
            output.Dim(0), output.Dim(1), fourD ? output.Dim(2) : 1,
            blockData[0], fourD ? blockData[1] : 1, cropData[0], fourD ? cropData[2] : 0);
        return Status.Ok;
    }
}
