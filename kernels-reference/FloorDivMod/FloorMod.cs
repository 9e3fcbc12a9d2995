namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FLOOR_MOD with broadcasting: float32 as TFLM (fmod moved to the divisor's sign; a zero divisor gives NaN),
/// int32 as an extension (a zero divisor fails the invocation, being undefined in C++).
/// </summary>
public sealed unsafe class FloorMod : OpKernel
{
    public static readonly FloorMod Kernel = new FloorMod();

    public override Status Init(KernelContext context, ref Node node) => BroadcastOnlyOpData.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => FloorDivModCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        BroadcastShape* shape = (BroadcastShape*)node.UserData;
        ref EvalTensor input1 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        ref EvalTensor input2 = ref context.GetInput(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        ref EvalTensor output = ref context.GetOutput(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        switch (input1.Type)
        {
            case TensorType.Float32:
                FloorDivModMath.FloorModFloat(in *shape, input1.AsReadOnlySpan<float>(), input2.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int32:
                int zero = FloorDivModMath.FindZero(input2.AsReadOnlySpan<int>());
                if (zero >= 0)
                    return context.Errors.Fail(Status.Error, "modulo by 0: element "u8).Append(zero).Append(" of input 2 is zero"u8);
                FloorDivModMath.FloorModInt32(in *shape, input1.AsReadOnlySpan<int>(), input2.AsReadOnlySpan<int>(), output.AsSpan<int>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input1.Type));
        }
    }
}
