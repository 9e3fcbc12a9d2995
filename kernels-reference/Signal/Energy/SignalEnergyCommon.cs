using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalEnergy's Init and Prepare (TFLM signal/micro/kernels/energy.cc): options 'start_index' and 'end_index';
/// rank-1 int16 input of interleaved complex values, rank-1 uint32 output.
/// </summary>
public static unsafe class SignalEnergyCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalEnergyOpData* data = (SignalEnergyOpData*)context.AllocatePersistentBuffer(sizeof(SignalEnergyOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("end_index"u8, context.Errors, out data->EndIndex);
        if (status == Status.Ok) status = options.GetInt32("start_index"u8, context.Errors, out data->StartIndex);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalEnergyOpData* data = (SignalEnergyOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.UInt32, 1, "output"u8);
        if (status != Status.Ok) return status;
        // TFLM does not check the range; out-of-range indices would read and write outside the tensors.
        int bins = input.ElementCount / 2;
        int limit = bins < output.ElementCount ? bins : output.ElementCount;
        if (data->StartIndex < 0 || data->StartIndex > data->EndIndex || data->EndIndex > limit)
            return context.Errors.Fail(Status.Error, "bin range start_index "u8).Append(data->StartIndex).Append(" .. end_index "u8)
                .Append(data->EndIndex).Append(" must satisfy 0 <= start <= end <= "u8).Append(limit)
                .Append(" (input bins and output length)"u8);
        return Status.Ok;
    }
}
