using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// DEPTHWISE_CONV_2D's per-node data on this port: the reference's <see cref="DepthwiseConv2DOpData"/> first (its
/// Prepare fills it through <c>node.UserData</c>), then the row microkernel's parameters.
/// </summary>
internal unsafe struct DepthwiseConv2DCmsisNnData
{
    public DepthwiseConv2DOpData Reference;

    /// <summary>False: the reference kernel runs (float32, int16, or more filter taps than the microkernel keeps).</summary>
    public bool Int8;

    public DepthwiseParameters Row;

    /// <summary>
    /// A depth multiplier other than 1 or a multiple of 4: the filter rows' input rows with every input channel repeated
    /// depth-multiplier times (filter height × input width × output channels bytes), so the rows look like depth
    /// multiplier 1; −1 otherwise.
    /// </summary>
    public int RepeatedRowsScratchIndex;
}
