using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SignalFilterBank's Init and Prepare (TFLM signal/micro/kernels/filter_bank.cc): option 'num_channels';
/// inputs: uint32 spectrum, int16 weights and unweights, int16 per-channel frequency starts, weight starts and
/// widths (num_channels + 1 entries each: channel 0 is scratch); uint64 output of num_channels values.
/// TFLM trusts the channel tables; here they must be constant and are checked against the tensor sizes once,
/// so Invoke can never index outside a tensor.
/// </summary>
public static unsafe class SignalFilterBankCommon
{
    public const int InputTensor = 0;
    public const int WeightTensor = 1;
    public const int UnweightTensor = 2;
    public const int ChannelFrequencyStartsTensor = 3;
    public const int ChannelWeightStartsTensor = 4;
    public const int ChannelWidthsTensor = 5;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        SignalFilterBankOpData* data = (SignalFilterBankOpData*)context.AllocatePersistentBuffer(sizeof(SignalFilterBankOpData));
        if (data == null) return context.Errors.LastStatus;
        *data = default;
        node.UserData = data;
        Status status = SignalOptions.GetMap(context, ref node, out FlexMap options);
        if (status == Status.Ok) status = options.GetInt32("num_channels"u8, context.Errors, out data->NumChannels);
        if (status == Status.Ok) status = SignalChecks.Range(context, "num_channels"u8, data->NumChannels, 1, short.MaxValue);
        return status;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SignalFilterBankOpData* data = (SignalFilterBankOpData*)node.UserData;
        Status status = SignalChecks.Counts(context, ref node, 6, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo weights = context.GetInputInfo(ref node, WeightTensor);
        TensorInfo unweights = context.GetInputInfo(ref node, UnweightTensor);
        TensorInfo frequencyStarts = context.GetInputInfo(ref node, ChannelFrequencyStartsTensor);
        TensorInfo weightStarts = context.GetInputInfo(ref node, ChannelWeightStartsTensor);
        TensorInfo widths = context.GetInputInfo(ref node, ChannelWidthsTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        status = SignalChecks.Tensor(context, input, TensorType.UInt32, 1, "input"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, weights, TensorType.Int16, 1, "weights"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, unweights, TensorType.Int16, 1, "unweights"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, frequencyStarts, TensorType.Int16, 1, "channel frequency starts"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, weightStarts, TensorType.Int16, 1, "channel weight starts"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, widths, TensorType.Int16, 1, "channel widths"u8);
        if (status == Status.Ok) status = SignalChecks.Tensor(context, output, TensorType.UInt64, 1, "output"u8);
        if (status == Status.Ok) status = SignalChecks.ElementCount(context, output, data->NumChannels, "output"u8);
        if (status != Status.Ok) return status;

        int channels = data->NumChannels + 1;
        status = ExpectConstantTable(context, frequencyStarts, channels, "channel frequency starts"u8);
        if (status == Status.Ok) status = ExpectConstantTable(context, weightStarts, channels, "channel weight starts"u8);
        if (status == Status.Ok) status = ExpectConstantTable(context, widths, channels, "channel widths"u8);
        if (status != Status.Ok) return status;
        if (unweights.ElementCount != weights.ElementCount)
            return context.Errors.Fail(Status.Error, "unweights tensor "u8).Append(unweights.Index).Append(" has "u8)
                .Append(unweights.ElementCount).Append(" elements, weights tensor has "u8).Append(weights.ElementCount);

        ReadOnlySpan<short> frequencyStart = frequencyStarts.ConstantData<short>();
        ReadOnlySpan<short> weightStart = weightStarts.ConstantData<short>();
        ReadOnlySpan<short> width = widths.ConstantData<short>();
        for (int i = 0; i < channels; i++)
        {
            if (width[i] <= 0) continue;
            if (frequencyStart[i] < 0 || frequencyStart[i] + width[i] > input.ElementCount)
                return context.Errors.Fail(Status.Error, "channel "u8).Append(i).Append(": frequencies "u8).Append(frequencyStart[i])
                    .Append(" .. "u8).Append(frequencyStart[i] + width[i] - 1).Append(" are outside the input's "u8)
                    .Append(input.ElementCount).Append(" bins"u8);
            if (weightStart[i] < 0 || weightStart[i] + width[i] > weights.ElementCount)
                return context.Errors.Fail(Status.Error, "channel "u8).Append(i).Append(": weights "u8).Append(weightStart[i])
                    .Append(" .. "u8).Append(weightStart[i] + width[i] - 1).Append(" are outside the "u8)
                    .Append(weights.ElementCount).Append(" weights"u8);
        }
        return Status.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status ExpectConstantTable(KernelContext context, TensorInfo table, int count, ReadOnlySpan<byte> role) => ExpectConstantTableCore(context, table, count, ErrorReporter.Text(role));

    private static Status ExpectConstantTableCore(KernelContext context, TensorInfo table, int count, ReadOnlySpan<byte> role)
    {
        if (!table.IsConstant)
            return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(table.Index)
                .Append(" must be constant (its entries are validated once, in Prepare)"u8);
        if (table.ElementCount < count)
            return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(table.Index).Append(" has "u8)
                .Append(table.ElementCount).Append(" entries, expected num_channels + 1 = "u8).Append(count);
        return Status.Ok;
    }
}
