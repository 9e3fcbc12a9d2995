namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalFilterBank (TFLM audio front end): mel filter bank over a uint32 power spectrum, uint64 output.</summary>
public sealed unsafe class SignalFilterBank : OpKernel
{
    public static readonly SignalFilterBank Kernel = new SignalFilterBank();

    public override Status Init(KernelContext context, ref Node node) => SignalFilterBankCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalFilterBankCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalFilterBankOpData* data = (SignalFilterBankOpData*)node.UserData;
        SignalFilterBankMath.AccumulateChannels(
            context.GetInput(ref node, SignalFilterBankCommon.InputTensor).AsReadOnlySpan<uint>(),
            context.GetInput(ref node, SignalFilterBankCommon.WeightTensor).AsReadOnlySpan<short>(),
            context.GetInput(ref node, SignalFilterBankCommon.UnweightTensor).AsReadOnlySpan<short>(),
            context.GetInput(ref node, SignalFilterBankCommon.ChannelFrequencyStartsTensor).AsReadOnlySpan<short>(),
            context.GetInput(ref node, SignalFilterBankCommon.ChannelWeightStartsTensor).AsReadOnlySpan<short>(),
            context.GetInput(ref node, SignalFilterBankCommon.ChannelWidthsTensor).AsReadOnlySpan<short>(),
            data->NumChannels,
            context.GetOutput(ref node, SignalFilterBankCommon.OutputTensor).AsSpan<ulong>());
        return Status.Ok;
    }
}
