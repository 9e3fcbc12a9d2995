using System;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFilterBankSpectralSubtraction's Init, Prepare and Reset (TFLM
/// signal/micro/kernels/filter_bank_spectral_subtraction.cc): nine options, a noise estimate of num_channels
/// uint32 values kept in the arena (cleared by Prepare and Reset), rank-1 uint32 input, output and noise-estimate
/// output, all num_channels long.
/// </summary>
public static unsafe class SignalFilterBankSpectralSubtractionCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;
    public const int NoiseEstimateTensor = 1;

    public static Status Init(KernelContext context, ref Node node)
    {
        var data = (SignalFilterBankSpectralSubtractionOpData*)context.AllocatePersistentBuffer(sizeof(SignalFilterBankSpectralSubtractionOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;

        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        ErrorReporter errors = context.Errors;
        status = options.GetInt32("num_channels"u8, errors, out data->NumChannels);
        if (status == Status.Ok) status = ReadCoefficient(options, errors, "smoothing"u8, out data->Smoothing);
        if (status == Status.Ok) status = ReadCoefficient(options, errors, "one_minus_smoothing"u8, out data->OneMinusSmoothing);
        if (status == Status.Ok) status = ReadCoefficient(options, errors, "alternate_smoothing"u8, out data->AlternateSmoothing);
        if (status == Status.Ok) status = ReadCoefficient(options, errors, "alternate_one_minus_smoothing"u8, out data->AlternateOneMinusSmoothing);
        if (status == Status.Ok) status = ReadCoefficient(options, errors, "min_signal_remaining"u8, out data->MinSignalRemaining);
        if (status == Status.Ok) status = options.GetInt32("smoothing_bits"u8, errors, out data->SmoothingBits);
        if (status == Status.Ok) status = options.GetInt32("spectral_subtraction_bits"u8, errors, out data->SpectralSubtractionBits);
        if (status == Status.Ok) status = options.GetBool("clamping"u8, errors, out data->Clamping);
        if (status == Status.Ok) status = SignalChecks.Range(context, "num_channels"u8, data->NumChannels, 1, 1 << 20);
        if (status == Status.Ok) status = SignalChecks.Range(context, "smoothing_bits"u8, data->SmoothingBits, 0, 31);
        if (status == Status.Ok) status = SignalChecks.Range(context, "spectral_subtraction_bits"u8, data->SpectralSubtractionBits, 0, 63);
        if (status != Status.Ok) return status;

        data->NoiseEstimate = (uint*)context.AllocatePersistentBuffer((long)data->NumChannels * sizeof(uint));
        if (data->NoiseEstimate == null) return context.Errors.LastStatus;
        Reset(data);
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        var data = (SignalFilterBankSpectralSubtractionOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 2);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        TensorInfo noiseEstimate = context.GetOutputInfo(ref node, NoiseEstimateTensor);
        status = SignalChecks.Tensor(context, input, TensorType.UInt32, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.UInt32, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, noiseEstimate, TensorType.UInt32, 1, "noise estimate"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, input, data->NumChannels, "input"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, data->NumChannels, "output"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, noiseEstimate, data->NumChannels, "noise estimate"u8);
        if (status != Status.Ok) return status;
        Reset(data);
        return Status.Ok;
    }

    public static void Reset(SignalFilterBankSpectralSubtractionOpData* data)
    {
        if (data != null && data->NoiseEstimate != null) new Span<uint>(data->NoiseEstimate, data->NumChannels).Clear();
    }

    /// <summary>TFLM stores the coefficients as uint32 after reading them as int32.</summary>
    private static Status ReadCoefficient(FlexMap options, ErrorReporter errors, ReadOnlySpan<byte> key, out uint value)
    {
        Status status = options.GetInt32(key, errors, out int raw);
        value = unchecked((uint)raw);
        return status;
    }
}
