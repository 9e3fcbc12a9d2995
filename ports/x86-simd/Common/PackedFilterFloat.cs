namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// A float32 weight matrix [channels][depth] transposed once at Prepare for <see cref="FloatGemm"/>:
/// [depth][<see cref="PaddedChannels"/>], so a vector holds one weight of 16 consecutive channels and each lane
/// accumulates its own channel in the reference's order (no reassociation, no fused multiply-add: bit-exact).
/// </summary>
public unsafe struct PackedFilterFloat
{
    public const int ChannelBlock = 16;

    public float* Weights;

    /// <summary>Per padded channel; 0 when the node has no bias (the reference adds 0 too).</summary>
    public float* Bias;

    public int Depth;
    public int Channels;
    public int PaddedChannels;

    public float ActivationMin;
    public float ActivationMax;

    public static Status Create(KernelContext context, PackedFilterFloat* packed, float* weights, int channels, int depth,
        float* bias, float activationMin, float activationMax)
    {
        int padded = (channels + ChannelBlock - 1) / ChannelBlock * ChannelBlock;
        packed->Depth = depth;
        packed->Channels = channels;
        packed->PaddedChannels = padded;
        packed->ActivationMin = activationMin;
        packed->ActivationMax = activationMax;
        packed->Weights = (float*)context.AllocateWeightsBuffer((long)depth * padded * sizeof(float));
        packed->Bias = (float*)context.AllocateWeightsBuffer((long)padded * sizeof(float));
        if (packed->Weights == null || packed->Bias == null) return context.Errors.LastStatus;
        for (int d = 0; d < depth; d++)
        {
            for (int c = 0; c < padded; c++)
            {
                packed->Weights[d * padded + c] = c < channels ? weights[c * depth + d] : 0f;
            }
        }
        for (int c = 0; c < padded; c++) packed->Bias[c] = c < channels && bias != null ? bias[c] : 0f;
        return Status.Ok;
    }
}
