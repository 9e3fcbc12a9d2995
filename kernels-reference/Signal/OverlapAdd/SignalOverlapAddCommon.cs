using System;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalOverlapAdd's Init, Prepare and Reset (TFLM signal/micro/kernels/overlap_add.cc): options 'T' (INT16 or
/// FLOAT32) and 'frame_step'; input [..., n_frames, frame_size], output [..., n_frames * frame_step] of the same
/// type; one zeroed accumulator of frame_size samples per outer row.
/// </summary>
public static unsafe class SignalOverlapAddCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalOverlapAddOpData* data = (SignalOverlapAddOpData*)context.AllocatePersistentBuffer(sizeof(SignalOverlapAddOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        status = options.GetInt32("T"u8, context.Errors, out int type);
        if (status == Status.Ok) status = options.GetInt32("frame_step"u8, context.Errors, out data->FrameStep);
        if (status != Status.Ok) return status;
        if (type != (int)TensorType.Int16 && type != (int)TensorType.Float32)
            return context.Errors.Fail(Status.Error, "option 'T' = "u8).Append(type).Append(" is not supported; INT16 and FLOAT32 are"u8);
        data->Type = (TensorType)type;
        return SignalChecks.Range(context, "frame_step"u8, data->FrameStep, 1, int.MaxValue);
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalOverlapAddOpData* data = (SignalOverlapAddOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, data->Type, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, data->Type, input.Rank - 1, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 2) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 2"u8);

        data->FrameSize = input.Dim(input.Rank - 1);
        data->FramesPerRow = input.Dim(input.Rank - 2);
        // TFLM shifts the accumulator by frame_step; a longer step would move a negative number of samples.
        if (data->FrameSize < data->FrameStep)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" frame size "u8).Append(data->FrameSize)
                .Append(" must be >= frame_step ("u8).Append(data->FrameStep).Append(')');
        if (data->FramesPerRow < 1)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has no frames"u8);
        data->OuterDims = input.ElementCount / (data->FrameSize * data->FramesPerRow);
        for (int d = 0; d < input.Rank - 2; d++)
        {
            if (output.Dim(d) != input.Dim(d)) return ShapeError(context, output, data);
        }
        if ((long)output.Dim(input.Rank - 2) != (long)data->FramesPerRow * data->FrameStep) return ShapeError(context, output, data);

        int sampleSize = data->Type == TensorType.Int16 ? sizeof(short) : sizeof(float);
        void* state = context.AllocatePersistentBuffer((long)data->OuterDims * data->FrameSize * sampleSize);
        if (state == null) return context.Errors.LastStatus;
        data->State = state;
        Reset(data);
        return Status.Ok;
    }

    public static void Reset(SignalOverlapAddOpData* data)
    {
        if (data == null || data->State == null) return;
        int sampleSize = data->Type == TensorType.Int16 ? sizeof(short) : sizeof(float);
        new Span<byte>(data->State, data->OuterDims * data->FrameSize * sampleSize).Clear();
    }

    private static Status ShapeError(KernelContext context, TensorInfo output, SignalOverlapAddOpData* data) =>
        context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must have the input's outer dimensions followed by "u8)
            .Append((long)data->FramesPerRow * data->FrameStep).Append(" (n_frames * frame_step)"u8);
}
