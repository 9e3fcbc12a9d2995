namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FLOOR_DIV's and FLOOR_MOD's Prepare: two inputs and the output of one type (float32, or int32 as an extension
/// of TFLM), broadcast shapes.
/// </summary>
public static unsafe class FloorDivModCommon
{
    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out *(BroadcastShape*)node.UserData);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;
        if (input1.Type != TensorType.Float32 && input1.Type != TensorType.Int32) return context.UnsupportedType(input1, "input 1"u8);
        if (input1.Quantization.HasQuantization && input1.Type == TensorType.Int32)
            return context.Errors.Fail(Status.Error, "int32 inputs must not be quantized"u8);
        return Status.Ok;
    }
}
