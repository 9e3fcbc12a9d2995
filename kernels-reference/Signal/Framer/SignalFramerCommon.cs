using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFramer's Init, Prepare and Reset (TFLM signal/micro/kernels/framer.cc): options 'frame_size',
/// 'frame_step', 'prefill'; int16 input [..., n * frame_step], int16 output [..., n, frame_size] and a scalar
/// bool 'valid' output.
/// </summary>
public static unsafe class SignalFramerCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;
    public const int ValidTensor = 1;

    /// <summary>Largest accepted frame size or step (keeps the queue sizes far from overflow).</summary>
    public const int MaxFrameLength = 1 << 24;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalFramerOpData* data = (SignalFramerOpData*)context.AllocatePersistentBuffer(sizeof(SignalFramerOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("frame_size"u8, context.Errors, out data->FrameSize);
        if (status == Status.Ok) status = options.GetInt32("frame_step"u8, context.Errors, out data->FrameStep);
        if (status == Status.Ok) status = options.GetBool("prefill"u8, context.Errors, out data->Prefill);
        if (status == Status.Ok) status = SignalChecks.Range(context, "frame_size"u8, data->FrameSize, 1, MaxFrameLength);
        if (status == Status.Ok) status = SignalChecks.Range(context, "frame_step"u8, data->FrameStep, 1, MaxFrameLength);
        if (status != Status.Ok) return status;
        // TFLM would prefill a negative number of zeros (an assertion failure in its queue).
        if (data->Prefill && data->FrameSize < data->FrameStep)
            return context.Errors.Fail(Status.Error, "option 'prefill' needs frame_size ("u8).Append(data->FrameSize)
                .Append(") >= frame_step ("u8).Append(data->FrameStep).Append(')');
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalFramerOpData* data = (SignalFramerOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 2);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        TensorInfo valid = context.GetOutputInfo(ref node, ValidTensor);
        status = SignalChecks.Tensor(context, input, TensorType.Int16, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.Int16, input.Rank + 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, valid, TensorType.Bool, 0, "valid"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 1"u8);

        int innermost = input.Dim(input.Rank - 1);
        if (innermost < data->FrameStep || innermost % data->FrameStep != 0)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" innermost dimension "u8)
                .Append(innermost).Append(" must be a positive multiple of frame_step ("u8).Append(data->FrameStep).Append(')');
        data->OuterDims = input.ElementCount / innermost;
        data->FramesPerRow = innermost / data->FrameStep;
        for (int d = 0; d < input.Rank - 1; d++)
        {
            if (output.Dim(d) != input.Dim(d)) return ShapeError(context, output, data);
        }
        if (output.Dim(input.Rank - 1) != data->FramesPerRow || output.Dim(input.Rank) != data->FrameSize)
            return ShapeError(context, output, data);

        // Room for whole steps covering a frame: frame_size rounded up to a multiple of frame_step, as TFLM sizes it.
        int capacity = (data->FrameSize + data->FrameStep - 1) / data->FrameStep * data->FrameStep;
        SignalSampleRing* rings = (SignalSampleRing*)context.AllocatePersistentBuffer((long)data->OuterDims * sizeof(SignalSampleRing));
        if (rings == null) return context.Errors.LastStatus;
        for (int i = 0; i < data->OuterDims; i++)
        {
            short* storage = (short*)context.AllocatePersistentBuffer(SignalSampleRing.BytesFor(capacity));
            if (storage == null) return context.Errors.LastStatus;
            rings[i].Initialize(storage, capacity);
        }
        data->Rings = rings;
        Reset(data);
        return Status.Ok;
    }

    public static void Reset(SignalFramerOpData* data)
    {
        if (data == null || data->Rings == null) return;
        for (int i = 0; i < data->OuterDims; i++)
        {
            data->Rings[i].Reset();
            if (data->Prefill) data->Rings[i].WriteZeros(data->FrameSize - data->FrameStep);
        }
    }

    private static Status ShapeError(KernelContext context, TensorInfo output, SignalFramerOpData* data) =>
        context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must have the input's outer dimensions followed by ["u8)
            .Append(data->FramesPerRow).Append(", "u8).Append(data->FrameSize).Append(']');
}
