using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFilterBankLog's Init and Prepare (TFLM signal/micro/kernels/filter_bank_log.cc): options
/// 'input_correction_bits' and 'output_scale'; rank-1 uint32 input, rank-1 int16 output of the same size.
/// </summary>
public static unsafe class SignalFilterBankLogCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalFilterBankLogOpData* data = (SignalFilterBankLogOpData*)context.AllocatePersistentBuffer(sizeof(SignalFilterBankLogOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("input_correction_bits"u8, context.Errors, out data->InputCorrectionBits);
        if (status == Status.Ok) status = options.GetInt32("output_scale"u8, context.Errors, out data->OutputScale);
        if (status == Status.Ok) status = SignalChecks.Range(context, "input_correction_bits"u8, data->InputCorrectionBits, 0, 31);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.UInt32, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, input.ElementCount, "output"u8);
        return status;
    }
}
