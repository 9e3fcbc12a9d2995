using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalDelay's Init, Prepare and Reset (TFLM signal/micro/kernels/delay.cc): option 'delay_length'; int16 input
/// and output of the same shape; one queue per innermost frame, primed with delay_length zeros.
/// </summary>
public static unsafe class SignalDelayCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    /// <summary>Largest accepted delay (keeps the queue sizes far from overflow).</summary>
    public const int MaxDelayLength = 1 << 24;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalDelayOpData* data = (SignalDelayOpData*)context.AllocatePersistentBuffer(sizeof(SignalDelayOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("delay_length"u8, context.Errors, out data->DelayLength);
        if (status == Status.Ok) status = SignalChecks.Range(context, "delay_length"u8, data->DelayLength, 0, MaxDelayLength);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalDelayOpData* data = (SignalDelayOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, -1, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 1"u8);
        data->FrameSize = input.Dim(input.Rank - 1);
        if (data->FrameSize < 1)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has an empty innermost dimension"u8);
        status = SignalChecks.ElementCount(context, output, input.ElementCount, "output"u8);
        if (status != Status.Ok) return status;
        data->OuterDims = input.ElementCount / data->FrameSize;

        // Published only once every queue is ready, so Reset after a failed Prepare does nothing.
        SignalSampleRing* rings = (SignalSampleRing*)context.AllocatePersistentBuffer((long)data->OuterDims * sizeof(SignalSampleRing));
        if (rings == null) return context.Errors.LastStatus;
        int capacity = data->FrameSize + data->DelayLength;
        for (int i = 0; i < data->OuterDims; i++)
        {
            short* storage = (short*)context.AllocatePersistentBuffer(SignalSampleRing.BytesFor(capacity));
            if (storage == null) return context.Errors.LastStatus;
            rings[i].Initialize(storage, capacity);
            rings[i].WriteZeros(data->DelayLength);
        }
        data->Rings = rings;
        return Status.Ok;
    }

    public static void Reset(SignalDelayOpData* data)
    {
        if (data == null || data->Rings == null) return;
        for (int i = 0; i < data->OuterDims; i++)
        {
            data->Rings[i].Reset();
            data->Rings[i].WriteZeros(data->DelayLength);
        }
    }
}
