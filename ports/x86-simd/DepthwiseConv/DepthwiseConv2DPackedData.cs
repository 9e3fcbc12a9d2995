using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// The port's per-node data for DEPTHWISE_CONV_2D: the reference OpData first (filled by the reference Prepare), then
/// the padded bias and requantization parameters. The weights are used in place: their layout
/// [1][filterHeight][filterWidth][channels] already puts the channels of one tap side by side.
/// </summary>
public unsafe struct DepthwiseConv2DPackedData
{
    public DepthwiseConv2DOpData Reference;
    public PackedPath Path;

    /// <summary>Requantization only (<see cref="PackedFilterInt8.Weights"/> is null).</summary>
    public PackedFilterInt8 Int8;
}
