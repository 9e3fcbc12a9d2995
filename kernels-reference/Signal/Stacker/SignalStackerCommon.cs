using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalStacker's Init, Prepare and Reset (TFLM signal/micro/kernels/stacker.cc): options 'num_channels',
/// 'stacker_left_context', 'stacker_right_context', 'stacker_step'; rank-1 int16 input of num_channels values,
/// rank-1 int16 output of num_channels * (left + right + 1) values and a scalar bool 'valid' output.
/// </summary>
public static unsafe class SignalStackerCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;
    public const int ValidTensor = 1;

    /// <summary>Bound of every option (keeps the queue size far from overflow).</summary>
    public const int MaxOption = 1 << 12;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalStackerOpData* data = (SignalStackerOpData*)context.AllocatePersistentBuffer(sizeof(SignalStackerOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("num_channels"u8, context.Errors, out data->NumChannels);
        if (status == Status.Ok) status = options.GetInt32("stacker_left_context"u8, context.Errors, out data->LeftContext);
        if (status == Status.Ok) status = options.GetInt32("stacker_right_context"u8, context.Errors, out data->RightContext);
        if (status == Status.Ok) status = options.GetInt32("stacker_step"u8, context.Errors, out data->Step);
        if (status == Status.Ok) status = SignalChecks.Range(context, "num_channels"u8, data->NumChannels, 1, MaxOption);
        if (status == Status.Ok) status = SignalChecks.Range(context, "stacker_left_context"u8, data->LeftContext, 0, MaxOption);
        if (status == Status.Ok) status = SignalChecks.Range(context, "stacker_right_context"u8, data->RightContext, 0, MaxOption);
        // A step of 0 would overfill the queue and one beyond the window would discard unread samples (both
        // assertion failures in TFLM's queue).
        if (status == Status.Ok)
            status = SignalChecks.Range(context, "stacker_step"u8, data->Step, 1, data->LeftContext + data->RightContext + 1);
        if (status != Status.Ok) return status;

        data->OutputSize = data->NumChannels * (data->LeftContext + data->RightContext + 1);
        data->StepSize = data->NumChannels * data->Step;
        short* storage = (short*)context.AllocatePersistentBuffer(SignalSampleRing.BytesFor(data->OutputSize));
        if (storage == null) return context.Errors.LastStatus;
        data->Ring.Initialize(storage, data->OutputSize);
        data->HasFirstFrame = false;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalStackerOpData* data = (SignalStackerOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 2);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        TensorInfo valid = context.GetOutputInfo(ref node, ValidTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, valid, TensorType.Bool, 0, "valid"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, input, data->NumChannels, "input"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, data->OutputSize, "output"u8);
        return status;
    }

    public static void Reset(SignalStackerOpData* data)
    {
        if (data == null || data->OutputSize == 0) return;
        data->Ring.Reset();
        data->HasFirstFrame = false;
    }
}
