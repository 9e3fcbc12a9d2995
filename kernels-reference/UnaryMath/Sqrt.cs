namespace TfLiteMicro.Kernels.Reference;

/// <summary>SQRT (float32 only, as TFLM): sqrt(x), NaN below zero.</summary>
public sealed class Sqrt : UnaryFloatKernel
{
    public static readonly Sqrt Kernel = new Sqrt();

    private Sqrt()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Sqrt(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
