namespace TfLiteMicro.Kernels.Reference;

/// <summary>COS (float32 only, as TFLM): cos(x) with full-range argument reduction (<see cref="FloatMath.Cos"/>).</summary>
public sealed class Cos : UnaryFloatKernel
{
    public static readonly Cos Kernel = new Cos();

    private Cos()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Cos(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
