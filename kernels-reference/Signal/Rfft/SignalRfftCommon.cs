using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalRfft's Init and Prepare (TFLM signal/micro/kernels/rfft.cc): options 'T' (INT16, INT32 or FLOAT32) and
/// 'fft_length' (even); Init builds the kiss_fftr plan in the arena as TFLM's RfftInt16Init / RfftInt32Init /
/// RfftFloatInit do; Prepare checks the frames and requests a scratch buffer for one zero-padded frame.
/// </summary>
public static unsafe class SignalRfftCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalRfftOpData* data = (SignalRfftOpData*)context.AllocatePersistentBuffer(sizeof(SignalRfftOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalFftOptions.Read(context, ref node, out data->Type, out data->FftLength);
        if (status != Status.Ok) return status;
        return KissFftPlan.Build(context, data->Type, data->FftLength, inverse: false, out data->Plan);
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalRfftOpData* data = (SignalRfftOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, data->Type, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, data->Type, input.Rank, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 1"u8);

        data->InputLength = input.Dim(input.Rank - 1);
        data->InputSize = input.ElementCount;
        data->OutputLength = output.Dim(output.Rank - 1) / 2;
        // TFLM zero-pads each frame up to fft_length; a longer frame would overrun the padding buffer.
        if (data->InputLength < 1 || data->InputLength > data->FftLength)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" frame length "u8)
                .Append(data->InputLength).Append(" must be in 1..fft_length ("u8).Append(data->FftLength).Append(')');
        int frames = data->InputSize / data->InputLength;
        int bins = data->Plan.ComplexLength + 1;
        if (output.Dim(output.Rank - 1) != 2 * bins || output.ElementCount != frames * 2 * bins)
            return context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must hold "u8).Append(frames)
                .Append(" frames of "u8).Append(2 * bins).Append(" values (fft_length / 2 + 1 complex bins), has "u8)
                .Append(output.ElementCount).Append(" elements"u8);
        return context.RequestScratchBuffer((long)data->FftLength * SignalFftOptions.SampleSize(data->Type), out data->ScratchIndex);
    }
}
