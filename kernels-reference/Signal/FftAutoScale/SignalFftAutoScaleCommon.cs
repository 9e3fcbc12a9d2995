namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFftAutoScale's Prepare (TFLM signal/micro/kernels/fft_auto_scale_common.cc): rank-1 int16 input and
/// output of the same size, rank-0 int32 output for the applied shift.
/// </summary>
public static class SignalFftAutoScaleCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;
    public const int ScaleBitsTensor = 1;

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SignalChecks.Counts(context, ref node, 1, 2);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        TensorInfo scaleBits = context.GetOutputInfo(ref node, ScaleBitsTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, scaleBits, TensorType.Int32, 0, "scale bits"u8);
        // TFLM sizes the loop by the output; equal sizes keep the input read in bounds.
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, input.ElementCount, "output"u8);
        return status;
    }
}
