using System;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>Builds a <see cref="PackedFilterInt8"/> at Prepare from a constant int8 weight matrix.</summary>
public static unsafe class PackedFilterInt8Builder
{
    /// <summary>
    /// Repacks <paramref name="weights"/> ([channels][depth], row-major) into arena memory and copies the bias and
    /// the requantization parameters (one multiplier/shift for all channels when the spans have length 1).
    /// </summary>
    public static Status Create(KernelContext context, PackedFilterInt8* packed, sbyte* weights, int channels, int depth,
        int* bias, ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int inputOffset, int outputOffset,
        int activationMin, int activationMax)
    {
        Status status = CreateRequantization(context, packed, channels, depth, bias, multipliers, shifts, inputOffset,
            outputOffset, activationMin, activationMax);
        if (status != Status.Ok) return status;
        int paddedChannels = packed->PaddedChannels;
        int pairCount = packed->PairCount;
        packed->Weights = (short*)context.AllocateWeightsBuffer((long)pairCount * paddedChannels * 2 * sizeof(short));
        if (packed->Weights == null) return context.Errors.LastStatus;
        for (int p = 0; p < pairCount; p++)
        {
            short* destination = packed->Weights + p * paddedChannels * 2;
            for (int c = 0; c < paddedChannels; c++)
            {
                int d = 2 * p;
                bool real = c < channels;
                destination[2 * c] = real ? weights[c * depth + d] : (short)0;
                destination[2 * c + 1] = real && d + 1 < depth ? weights[c * depth + d + 1] : (short)0;
            }
        }
        return Status.Ok;
    }

    /// <summary>
    /// Fills everything but <see cref="PackedFilterInt8.Weights"/>: padded per-channel bias and requantization
    /// parameters (for kernels with their own weight layout, such as DEPTHWISE_CONV_2D).
    /// </summary>
    public static Status CreateRequantization(KernelContext context, PackedFilterInt8* packed, int channels, int depth,
        int* bias, ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int inputOffset, int outputOffset,
        int activationMin, int activationMax)
    {
        int paddedChannels = (channels + PackedFilterInt8.ChannelBlock - 1) / PackedFilterInt8.ChannelBlock * PackedFilterInt8.ChannelBlock;
        packed->Weights = null;
        packed->Depth = depth;
        packed->PairCount = (depth + 1) / 2;
        packed->Channels = channels;
        packed->PaddedChannels = paddedChannels;
        packed->InputOffset = inputOffset;
        packed->OutputOffset = outputOffset;
        packed->ActivationMin = activationMin;
        packed->ActivationMax = activationMax;
        packed->Bias = (int*)context.AllocateWeightsBuffer((long)paddedChannels * sizeof(int));
        packed->Multipliers = (int*)context.AllocateWeightsBuffer((long)paddedChannels * sizeof(int));
        packed->Shifts = (int*)context.AllocateWeightsBuffer((long)paddedChannels * sizeof(int));
        packed->LeftShifts = (int*)context.AllocateWeightsBuffer((long)paddedChannels * sizeof(int));
        packed->RightShifts = (int*)context.AllocateWeightsBuffer((long)paddedChannels * sizeof(int));
        if (packed->Bias == null || packed->Multipliers == null || packed->Shifts == null
            || packed->LeftShifts == null || packed->RightShifts == null)
            return context.Errors.LastStatus;
        for (int c = 0; c < paddedChannels; c++)
        {
            bool real = c < channels;
            int source = multipliers.Length > 1 ? c : 0;
            packed->Bias[c] = real && bias != null ? bias[c] : 0;
            packed->Multipliers[c] = real ? multipliers[source] : 0;
            int shift = real ? shifts[source] : 0;
            packed->Shifts[c] = shift;
            packed->LeftShifts[c] = shift > 0 ? shift : 0;
            packed->RightShifts[c] = shift > 0 ? 0 : -shift;
        }
        return Status.Ok;
    }
}
