namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ABS: float32; int8 and quantized int16 with TFLM's rescaling to the output scale; unquantized int16 as a plain
/// integer abs (TFLM's elementwise.cc).
/// </summary>
public sealed unsafe class Abs : OpKernel
{
    public static readonly Abs Kernel = new Abs();

    public override Status Init(KernelContext context, ref Node node) => AbsRsqrtCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => AbsRsqrtCommon.PrepareAbs(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        AbsRsqrtOpData* data = (AbsRsqrtOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        switch (input.Type)
        {
            case TensorType.Float32:
                UnaryMath.Abs(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
                return Status.Ok;
            case TensorType.Int8:
                UnaryMath.AbsInt8(in *data, input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>());
                return Status.Ok;
            case TensorType.Int16:
                if (data->IsQuantized) UnaryMath.AbsInt16(in *data, input.AsReadOnlySpan<short>(), output.AsSpan<short>());
                else UnaryMath.AbsInt16(input.AsReadOnlySpan<short>(), output.AsSpan<short>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
