namespace TfLiteMicro.Kernels.Reference;

/// <summary>SIN (float32 only, as TFLM): sin(x) with full-range argument reduction (<see cref="FloatMath.Sin"/>).</summary>
public sealed class Sin : UnaryFloatKernel
{
    public static readonly Sin Kernel = new Sin();

    private Sin()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Sin(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
