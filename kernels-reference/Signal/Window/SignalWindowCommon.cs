using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalWindow's Init and Prepare (TFLM signal/micro/kernels/window.cc): option 'shift'; int16 input of any
/// rank ≥ 1 whose element count is a multiple of the rank-1 int16 window's length; int16 output of the input's
/// rank and size.
/// </summary>
public static unsafe class SignalWindowCommon
{
    public const int InputTensor = 0;
    public const int WeightsTensor = 1;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalWindowOpData* data = (SignalWindowOpData*)context.AllocatePersistentBuffer(sizeof(SignalWindowOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("shift"u8, context.Errors, out data->Shift);
        if (status == Status.Ok) status = SignalChecks.Range(context, "shift"u8, data->Shift, 0, 31);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalWindowOpData* data = (SignalWindowOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo weights = context.GetInputInfo(ref node, WeightsTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, weights, TensorType.Int16, 1, "weights"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, input.Rank, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 1"u8);

        data->InputSize = input.ElementCount;
        data->WeightSize = weights.Dim(0);
        // TFLM applies whole windows back to back; a partial last window would read and write past the tensors.
        if (data->WeightSize <= 0 || data->InputSize % data->WeightSize != 0)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(data->InputSize)
                .Append(" elements, not a multiple of the window length "u8).Append(data->WeightSize);
        return SignalChecks.ElementCount(context, output, data->InputSize, "output"u8);
    }
}
