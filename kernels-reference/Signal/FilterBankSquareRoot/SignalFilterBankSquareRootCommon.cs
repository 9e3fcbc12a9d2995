namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFilterBankSquareRoot's Prepare (TFLM signal/micro/kernels/filter_bank_square_root_common.cc): rank-1
/// uint64 input, rank-0 int32 scale bits, rank-1 uint32 output of the input's size.
/// </summary>
public static class SignalFilterBankSquareRootCommon
{
    public const int InputTensor = 0;
    public const int ScaleBitsTensor = 1;
    public const int OutputTensor = 0;

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SignalChecks.Counts(context, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo scaleBits = context.GetInputInfo(ref node, ScaleBitsTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.UInt64, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, scaleBits, TensorType.Int32, 0, "scale bits"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.UInt32, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, input.ElementCount, "output"u8);
        return status;
    }
}
