using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalIrfft's Init and Prepare (TFLM signal/micro/kernels/irfft.cc): options 'T' (INT16, INT32 or FLOAT32)
/// and 'fft_length' (even); input frames of fft_length / 2 + 1 complex bins (real, imaginary interleaved), output
/// frames of fft_length real samples, same rank and type. Init builds the inverse kiss_fftr plan in the arena.
/// </summary>
public static unsafe class SignalIrfftCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalIrfftOpData* data = (SignalIrfftOpData*)context.AllocatePersistentBuffer(sizeof(SignalIrfftOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalFftOptions.Read(context, ref node, out data->Type, out data->FftLength);
        if (status != Status.Ok) return status;
        return KissFftPlan.Build(context, data->Type, data->FftLength, inverse: true, out data->Plan);
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalIrfftOpData* data = (SignalIrfftOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, data->Type, -1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, data->Type, input.Rank, "output"u8);
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" must have rank >= 1"u8);

        int bins = data->Plan.ComplexLength + 1;
        data->InputLength = input.Dim(input.Rank - 1) / 2;
        data->InputSize = input.ElementCount / 2;
        data->OutputLength = output.Dim(output.Rank - 1);
        // kiss_fftri reads fft_length / 2 + 1 bins per frame and writes fft_length samples.
        if (input.Dim(input.Rank - 1) != 2 * bins)
            return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" frames must hold "u8).Append(2 * bins)
                .Append(" values (fft_length / 2 + 1 complex bins), not "u8).Append(input.Dim(input.Rank - 1));
        int frames = data->InputSize / data->InputLength;
        if (data->OutputLength != data->FftLength || output.ElementCount != frames * data->FftLength)
            return context.Errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" must hold "u8).Append(frames)
                .Append(" frames of "u8).Append(data->FftLength).Append(" samples, has "u8).Append(output.ElementCount).Append(" elements"u8);
        return Status.Ok;
    }
}
