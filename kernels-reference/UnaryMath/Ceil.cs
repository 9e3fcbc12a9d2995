namespace TfLiteMicro.Kernels.Reference;

/// <summary>CEIL (float32 only, as TFLM's ceil.cc): smallest integer not below x.</summary>
public sealed class Ceil : UnaryFloatKernel
{
    public static readonly Ceil Kernel = new Ceil();

    private Ceil()
        : base(requireSameShape: true)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Ceil(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
