namespace TfLiteMicro.Kernels.Reference;

/// <summary>EXP (float32 only, as TFLM's exp.cc): e^x.</summary>
public sealed class Exp : UnaryFloatKernel
{
    public static readonly Exp Kernel = new Exp();

    private Exp()
        : base(requireSameShape: true)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Exp(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
