namespace TfLiteMicro.Kernels.Reference;

/// <summary>SQUARE (float32 only, as TFLM): x · x.</summary>
public sealed class Square : UnaryFloatKernel
{
    public static readonly Square Kernel = new Square();

    private Square()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Square(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
