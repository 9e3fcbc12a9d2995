using System;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalRfft's Init and Prepare (TFLM signal/micro/kernels/rfft.cc): options 'T' (the tensor type) and
/// 'fft_length' (even); Init builds the kiss_fftr plan in the arena as TFLM's RfftInt16Init / RfftFloatInit do
/// (INT32 is not implemented); Prepare checks the frames and requests a scratch buffer for one zero-padded frame.
/// </summary>
public static unsafe class SignalRfftCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    /// <summary>Largest supported FFT length (keeps every size computation far from overflow).</summary>
    public const int MaxFftLength = 1 << 20;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalRfftOpData* data = (SignalRfftOpData*)context.AllocatePersistentBuffer(sizeof(SignalRfftOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;

        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        status = options.GetInt32("T", context.Errors, out int type);
        if (status != Status.Ok) return status;
        status = options.GetInt32("fft_length", context.Errors, out data->FftLength);
        if (status != Status.Ok) return status;

        // Check the full value before narrowing it to the byte-sized enum.
        if (type != (int)TensorType.Int16 && type != (int)TensorType.Float32)
            return context.Errors.Fail(Status.Error, "option 'T' = ").Append(type).Append(" (")
                .Append(type >= 0 && type <= 255 ? TensorTypes.Name((TensorType)type) : "UNKNOWN")
                .Append(") is not supported; INT16 and FLOAT32 are implemented");
        data->Type = (TensorType)type;
        if (data->FftLength < 2 || data->FftLength > MaxFftLength || (data->FftLength & 1) != 0)
            return context.Errors.Fail(Status.Error, "option 'fft_length' = ").Append(data->FftLength)
                .Append(" must be even and in 2..").Append(MaxFftLength);
        return BuildPlan(context, data);
    }

    /// <summary>kiss_fftr_alloc: factors, twiddles and work buffers for the complex FFT of half the length.</summary>
    private static Status BuildPlan(KernelContext context, SignalRfftOpData* data)
    {
        int ncfft = data->FftLength / 2;
        data->ComplexLength = ncfft;
        data->Factors = (int*)context.AllocatePersistentBuffer(2 * KissFftFactors.MaxStages * sizeof(int));
        if (data->Factors == null) return context.Errors.LastStatus;
        Span<int> factors = new Span<int>(data->Factors, 2 * KissFftFactors.MaxStages);
        data->Stages = KissFftFactors.Factor(ncfft, factors);
        if (data->Stages < 0)
            return context.Errors.Fail(Status.Error, "option 'fft_length' = ").Append(data->FftLength).Append(" has too many factors");
        data->LargestRadix = KissFftFactors.LargestRadix(factors, data->Stages);

        int complexSize = data->Type == TensorType.Int16 ? sizeof(KissComplex16) : sizeof(KissComplexFloat);
        data->Twiddles = context.AllocatePersistentBuffer(ncfft * complexSize);
        data->SuperTwiddles = context.AllocatePersistentBuffer((ncfft / 2 > 0 ? ncfft / 2 : 1) * complexSize);
        data->Work = context.AllocatePersistentBuffer(ncfft * complexSize);
        data->RadixScratch = context.AllocatePersistentBuffer(data->LargestRadix * complexSize);
        if (data->Twiddles == null || data->SuperTwiddles == null || data->Work == null || data->RadixScratch == null)
            return context.Errors.LastStatus;
        if (data->Type == TensorType.Int16)
        {
            KissFftInt16.FillTwiddles(new Span<KissComplex16>(data->Twiddles, ncfft), ncfft);
            KissFftInt16.FillSuperTwiddles(new Span<KissComplex16>(data->SuperTwiddles, ncfft / 2), ncfft);
        }
        else
        {
            KissFftFloat.FillTwiddles(new Span<KissComplexFloat>(data->Twiddles, ncfft), ncfft);
            KissFftFloat.FillSuperTwiddles(new Span<KissComplexFloat>(data->SuperTwiddles, ncfft / 2), ncfft);
        }
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalRfftOpData* data = (SignalRfftOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, data->Type, -1, "input");
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, data->Type, input.Rank, "output");
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" must have rank >= 1");

        data->InputLength = input.Dim(input.Rank - 1);
        data->InputSize = input.ElementCount;
        data->OutputLength = output.Dim(output.Rank - 1) / 2;
        // TFLM zero-pads each frame up to fft_length; a longer frame would overrun the padding buffer.
        if (data->InputLength < 1 || data->InputLength > data->FftLength)
            return context.Errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" frame length ")
                .Append(data->InputLength).Append(" must be in 1..fft_length (").Append(data->FftLength).Append(')');
        int frames = data->InputSize / data->InputLength;
        int bins = data->ComplexLength + 1;
        if (output.Dim(output.Rank - 1) != 2 * bins || output.ElementCount != frames * 2 * bins)
            return context.Errors.Fail(Status.Error, "output tensor ").Append(output.Index).Append(" must hold ").Append(frames)
                .Append(" frames of ").Append(2 * bins).Append(" values (fft_length / 2 + 1 complex bins), has ")
                .Append(output.ElementCount).Append(" elements");
        int sampleSize = data->Type == TensorType.Int16 ? sizeof(short) : sizeof(float);
        return context.RequestScratchBuffer(data->FftLength * sampleSize, out data->ScratchIndex);
    }
}
