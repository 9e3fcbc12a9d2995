using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SPACE_TO_DEPTH (float32, int8) on NHWC: each block_size × block_size tile of pixels becomes one pixel with
/// block_size² times the channels (TFLM's space_to_depth.cc). Height and width must be multiples of the block size;
/// the output must be [N, H/b, W/b, C·b²].
/// </summary>
public sealed unsafe class SpaceToDepth : OpKernel
{
    public static readonly SpaceToDepth Kernel = new SpaceToDepth();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = DepthSpaceChecks.CheckOperands(context, ref node, new SpaceToDepthOptions(node.BuiltinOptions).BlockSize,
            out TensorInfo input, out TensorInfo output, out int block);
        if (status != Status.Ok) return status;
        if (input.Dim(1) % block != 0 || input.Dim(2) % block != 0)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" height "u8).Append(input.Dim(1))
                .Append(" and width "u8).Append(input.Dim(2)).Append(" must be multiples of block_size "u8).Append(block);
        long* expected = stackalloc long[4];
        expected[0] = input.Dim(0);
        expected[1] = input.Dim(1) / block;
        expected[2] = input.Dim(2) / block;
        expected[3] = (long)input.Dim(3) * block * block;
        return DepthSpaceChecks.ExpectShape(context.Errors, output, expected);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int block = new SpaceToDepthOptions(node.BuiltinOptions).BlockSize;
        DepthSpaceMath.SpaceToDepth((byte*)input.Data, (byte*)output.Data, TensorTypes.ElementSize(input.Type), input.Dim(0),
            input.Dim(1), input.Dim(2), input.Dim(3), block);
        return Status.Ok;
    }
}
