namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOG (float32 only, as TFLM): natural logarithm; -inf at 0, NaN below.</summary>
public sealed class Log : UnaryFloatKernel
{
    public static readonly Log Kernel = new Log();

    private Log()
        : base(requireSameShape: false)
    {
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, UnaryOpPrepare.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, UnaryOpPrepare.OutputTensor);
        UnaryMath.Log(input.AsReadOnlySpan<float>(), output.AsSpan<float>());
        return Status.Ok;
    }
}
