namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalFilterBankLog (TFLM audio front end): scaled natural log of each uint32 channel, int16 output.</summary>
public sealed unsafe class SignalFilterBankLog : OpKernel
{
    public static readonly SignalFilterBankLog Kernel = new SignalFilterBankLog();

    public override Status Init(KernelContext context, ref Node node) => SignalFilterBankLogCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalFilterBankLogCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalFilterBankLogOpData* data = (SignalFilterBankLogOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalFilterBankLogCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalFilterBankLogCommon.OutputTensor);
        SignalFilterBankLogMath.Apply(input.AsReadOnlySpan<uint>(), data->OutputScale, data->InputCorrectionBits, output.AsSpan<short>());
        return Status.Ok;
    }
}
