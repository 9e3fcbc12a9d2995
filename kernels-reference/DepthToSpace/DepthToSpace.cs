using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEPTH_TO_SPACE (float32, int8) on NHWC: the inverse of SPACE_TO_DEPTH; each pixel's channels are spread over a
/// block_size × block_size tile (TFLM's depth_to_space.cc). Channels must be a multiple of block_size²; the output
/// must be [N, H·b, W·b, C/b²].
/// </summary>
public sealed unsafe class DepthToSpace : OpKernel
{
    public static readonly DepthToSpace Kernel = new DepthToSpace();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = DepthSpaceChecks.CheckOperands(context, ref node, new DepthToSpaceOptions(node.BuiltinOptions).BlockSize,
            out TensorInfo input, out TensorInfo output, out int block);
        if (status != Status.Ok) return status;
        long blockArea = (long)block * block;
        if (input.Dim(3) % blockArea != 0)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.Dim(3))
                .Append(" channels, not a multiple of block_size² = "u8).Append(blockArea);
        long* expected = stackalloc long[4];
        expected[0] = input.Dim(0);
        expected[1] = (long)input.Dim(1) * block;
        expected[2] = (long)input.Dim(2) * block;
        expected[3] = input.Dim(3) / blockArea;
        return DepthSpaceChecks.ExpectShape(context.Errors, output, expected);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int block = new DepthToSpaceOptions(node.BuiltinOptions).BlockSize;
        DepthSpaceMath.DepthToSpace((byte*)input.Data, (byte*)output.Data, TensorTypes.ElementSize(input.Type), output.Dim(0),
            output.Dim(1), output.Dim(2), output.Dim(3), block);
        return Status.Ok;
    }
}
