namespace TfLiteMicro.Kernels.Reference;

/// <summary>NEG (float32 only, as TFLM's neg.cc): -x.</summary>
public sealed class Neg : UnaryFloatKernel
{
    public static readonly Neg Kernel = new Neg();

    private Neg()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Neg(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
