namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalEnergy (TFLM audio front end): power of each complex int16 FFT bin in a range.</summary>
public sealed unsafe class SignalEnergy : OpKernel
{
    public static readonly SignalEnergy Kernel = new SignalEnergy();

    public override Status Init(KernelContext context, ref Node node) => SignalEnergyCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalEnergyCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalEnergyOpData* data = (SignalEnergyOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalEnergyCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalEnergyCommon.OutputTensor);
        SignalEnergyMath.SpectrumToEnergy(input.AsReadOnlySpan<short>(), data->StartIndex, data->EndIndex, output.AsSpan<uint>());
        return Status.Ok;
    }
}
