namespace TfLiteMicro.Kernels.Reference;

/// <summary>SignalWindow (TFLM audio front end): multiplies int16 frames by an int16 window, then shifts.</summary>
public sealed unsafe class SignalWindow : OpKernel
{
    public static readonly SignalWindow Kernel = new SignalWindow();

    public override Status Init(KernelContext context, ref Node node) => SignalWindowCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => SignalWindowCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        SignalWindowOpData* data = (SignalWindowOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, SignalWindowCommon.InputTensor);
        ref EvalTensor weights = ref context.GetInput(ref node, SignalWindowCommon.WeightsTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, SignalWindowCommon.OutputTensor);
        SignalWindowMath.Apply(input.AsReadOnlySpan<short>(), weights.AsReadOnlySpan<short>(), data->Shift, output.AsSpan<short>());
        return Status.Ok;
    }
}
