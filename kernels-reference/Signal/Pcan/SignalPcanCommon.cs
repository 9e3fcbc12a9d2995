using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalPCAN's Init and Prepare (TFLM signal/micro/kernels/pcan.cc): option 'snr_shift'; rank-1 uint32 input
/// and noise estimate of equal, non-zero size, rank-1 int16 gain lookup table, rank-1 uint32 output.
/// </summary>
public static unsafe class SignalPcanCommon
{
    public const int InputTensor = 0;
    public const int NoiseEstimateTensor = 1;
    public const int GainLutTensor = 2;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalPcanOpData* data = (SignalPcanOpData*)context.AllocatePersistentBuffer(sizeof(SignalPcanOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("snr_shift"u8, context.Errors, out data->SnrShift);
        if (status == Status.Ok) status = SignalChecks.Range(context, "snr_shift"u8, data->SnrShift, 0, 63);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = SignalChecks.Counts(context, ref node, 3, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo noiseEstimate = context.GetInputInfo(ref node, NoiseEstimateTensor);
        TensorInfo gainLut = context.GetInputInfo(ref node, GainLutTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.UInt32, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, noiseEstimate, TensorType.UInt32, 1, "noise estimate"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, gainLut, TensorType.Int16, 1, "gain lut"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.UInt32, 1, "output"u8);
        if (status != Status.Ok) return status;
        if (input.ElementCount <= 0) return context.Errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" is empty"u8);
        status = SignalChecks.ElementCount(context, noiseEstimate, input.ElementCount, "noise estimate"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, input.ElementCount, "output"u8);
        if (status != Status.Ok) return status;
        // The wide-dynamic function indexes the table up to 4 * 32 - 6 + 2 (noise estimates up to 2^32 - 1).
        if (gainLut.ElementCount < SignalPcanMath.GainLutLength)
            return context.Errors.Fail(Status.Error, "gain lut tensor "u8).Append(gainLut.Index).Append(" has "u8)
                .Append(gainLut.ElementCount).Append(" entries, expected at least "u8).Append(SignalPcanMath.GainLutLength);
        return Status.Ok;
    }
}
