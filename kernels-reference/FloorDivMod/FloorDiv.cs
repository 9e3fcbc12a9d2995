namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FLOOR_DIV with broadcasting: float32 as TFLM (floor of the double quotient), int32 as an extension. A zero
/// divisor anywhere fails the invocation before anything is computed ("Division by 0" in TFLM).
/// </summary>
public sealed unsafe class FloorDiv : OpKernel
{
    public static readonly FloorDiv Kernel = new FloorDiv();

    public override Status Init(KernelContext context, ref Node node) => BroadcastOnlyOpData.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => FloorDivModCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        BroadcastShape* shape = (BroadcastShape*)node.UserData;
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        int zero;
        switch (input1.Type)
        {
            case TensorType.Float32:
                zero = FloorDivModMath.FindZero(input2.AsReadOnlySpan<float>());
                if (zero >= 0) break;
                FloorDivModMath.FloorDivFloat(in *shape, input1.AsReadOnlySpan<float>(), input2.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int32:
                zero = FloorDivModMath.FindZero(input2.AsReadOnlySpan<int>());
                if (zero >= 0) break;
                FloorDivModMath.FloorDivInt32(in *shape, input1.AsReadOnlySpan<int>(), input2.AsReadOnlySpan<int>(), output.AsSpan<int>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input1.Type));
        }
        return context.Errors.Fail(Status.Error, "division by 0: element "u8).Append(zero).Append(" of input 2 is zero"u8);
    }
}
