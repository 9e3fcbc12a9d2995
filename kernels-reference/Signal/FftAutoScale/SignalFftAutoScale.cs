namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalFftAutoScale (TFLM audio front end): normalizes an int16 frame before the fixed-point FFT.</summary>
public sealed class SignalFftAutoScale : OpKernel
{
    public static readonly SignalFftAutoScale Kernel = new SignalFftAutoScale();

    public override Status Prepare(KernelContext context, ref Node node) => SignalFftAutoScaleCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, SignalFftAutoScaleCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalFftAutoScaleCommon.OutputTensor);
        ref EvalTensor scaleBits = ref context.GetOutput(ref node, SignalFftAutoScaleCommon.ScaleBitsTensor);
        scaleBits.AsSpan<int>()[0] = SignalFftAutoScaleMath.Apply(input.AsReadOnlySpan<short>(), output.AsSpan<short>());
        return Status.Ok;
    }
}
