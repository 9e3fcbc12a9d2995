namespace TfLiteMicro.Kernels.Reference;

/// <summary>ROUND (float32 only, as TFLM's round.cc): nearest integer, halfway cases to even.</summary>
public sealed class Round : UnaryFloatKernel
{
    public static readonly Round Kernel = new Round();

    private Round()
        : base(requireSameShape: true)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Round(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
