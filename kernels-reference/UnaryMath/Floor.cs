namespace TfLiteMicro.Kernels.Reference;

/// <summary>FLOOR (float32 only, as TFLM's floor.cc): largest integer not above x.</summary>
public sealed class Floor : UnaryFloatKernel
{
    public static readonly Floor Kernel = new Floor();

    private Floor()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Floor(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
