using System;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalIrfft's Init and Prepare (TFLM signal/micro/kernels/irfft.cc): options 'T' and 'fft_length' (even);
/// input frames of fft_length / 2 + 1 complex bins (real, imaginary interleaved), output frames of fft_length real
/// samples, same rank and type. INT16 and FLOAT32 are implemented; INT32 is rejected.
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
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status != Status.Ok) return status;
        status = options.GetInt32("T", context.Errors, out int type);
        if (status == Status.Ok) status = options.GetInt32("fft_length", context.Errors, out data->FftLength);
        if (status != Status.Ok) return status;
        if (type != (int)TensorType.Int16 && type != (int)TensorType.Float32)
            return context.Errors.Fail(Status.Error, "option 'T' = ").Append(type).Append(" (")
                .Append(type >= 0 && type <= 255 ? TensorTypes.Name((TensorType)type) : "UNKNOWN")
                .Append(") is not supported; INT16 and FLOAT32 are implemented");
        data->Type = (TensorType)type;
        if (data->FftLength < 2 || data->FftLength > SignalRfftCommon.MaxFftLength || (data->FftLength & 1) != 0)
            return context.Errors.Fail(Status.Error, "option 'fft_length' = ").Append(data->FftLength)
                .Append(" must be even and in 2..").Append(SignalRfftCommon.MaxFftLength);
        return BuildPlan(context, data);
    }

    /// <summary>kiss_fftr_alloc with inverse set: factors, inverse twiddles and work buffers.</summary>
    private static Status BuildPlan(KernelContext context, SignalIrfftOpData* data)
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
            KissFftInt16.FillTwiddles(new Span<KissComplex16>(data->Twiddles, ncfft), ncfft, inverse: true);
            KissFftInt16.FillSuperTwiddles(new Span<KissComplex16>(data->SuperTwiddles, ncfft / 2), ncfft, inverse: true);
        }
        else
        {
            KissFftFloat.FillTwiddles(new Span<KissComplexFloat>(data->Twiddles, ncfft), ncfft, inverse: true);
            KissFftFloat.FillSuperTwiddles(new Span<KissComplexFloat>(data->SuperTwiddles, ncfft / 2), ncfft, inverse: true);
        }
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalIrfftOpData* data = (SignalIrfftOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, data->Type, -1, "input");
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, data->Type, input.Rank, "output");
        if (status != Status.Ok) return status;
        if (input.Rank < 1) return context.Errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" must have rank >= 1");

        int bins = data->ComplexLength + 1;
        data->InputLength = input.Dim(input.Rank - 1) / 2;
        data->InputSize = input.ElementCount / 2;
        data->OutputLength = output.Dim(output.Rank - 1);
        // kiss_fftri reads fft_length / 2 + 1 bins per frame and writes fft_length samples.
        if (input.Dim(input.Rank - 1) != 2 * bins)
            return context.Errors.Fail(Status.Error, "input tensor ").Append(input.Index).Append(" frames must hold ").Append(2 * bins)
                .Append(" values (fft_length / 2 + 1 complex bins), not ").Append(input.Dim(input.Rank - 1));
        int frames = data->InputSize / data->InputLength;
        if (data->OutputLength != data->FftLength || output.ElementCount != frames * data->FftLength)
            return context.Errors.Fail(Status.Error, "output tensor ").Append(output.Index).Append(" must hold ").Append(frames)
                .Append(" frames of ").Append(data->FftLength).Append(" samples, has ").Append(output.ElementCount).Append(" elements");
        return Status.Ok;
    }
}
