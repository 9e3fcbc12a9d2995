namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalPCAN (TFLM audio front end): per-channel amplitude normalization driven by the noise estimate.</summary>
public sealed unsafe class SignalPcan : OpKernel
{
    public static readonly SignalPcan Kernel = new SignalPcan();

    public override Status Init(KernelContext context, ref Node node) => SignalPcanCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalPcanCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalPcanOpData* data = (SignalPcanOpData*)node.UserData;
        SignalPcanMath.Apply(
            context.GetInput(ref node, SignalPcanCommon.InputTensor).AsReadOnlySpan<uint>(),
            context.GetInput(ref node, SignalPcanCommon.NoiseEstimateTensor).AsReadOnlySpan<uint>(),
            context.GetInput(ref node, SignalPcanCommon.GainLutTensor).AsReadOnlySpan<short>(),
            data->SnrShift,
            context.GetOutput(ref node, SignalPcanCommon.OutputTensor).AsSpan<uint>());
        return Status.Ok;
    }
}
