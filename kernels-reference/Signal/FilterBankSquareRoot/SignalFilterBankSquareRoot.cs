namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalFilterBankSquareRoot (TFLM audio front end): square root of each channel, undoing the FFT auto-scale.</summary>
public sealed class SignalFilterBankSquareRoot : OpKernel
{
    public static readonly SignalFilterBankSquareRoot Kernel = new SignalFilterBankSquareRoot();

    public override Status Prepare(KernelContext context, ref Node node) => SignalFilterBankSquareRootCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, SignalFilterBankSquareRootCommon.InputTensor);
        ref EvalTensor scaleBits = ref context.GetInput(ref node, SignalFilterBankSquareRootCommon.ScaleBitsTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalFilterBankSquareRootCommon.OutputTensor);
        SignalFilterBankSquareRootMath.Apply(input.AsReadOnlySpan<ulong>(), scaleBits.AsReadOnlySpan<int>()[0], output.AsSpan<uint>());
        return Status.Ok;
    }
}
