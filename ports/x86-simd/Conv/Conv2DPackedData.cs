using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// The port's per-node data for CONV_2D: the reference OpData first (the reference Prepare fills it through
/// <c>node.UserData</c>), then the repacked weights and the scratch buffer for the gathered input rows.
/// </summary>
public unsafe struct Conv2DPackedData
{
    public Conv2DOpData Reference;
    public PackedPath Path;
    public PackedFilterInt8 Int8;
    public PackedFilterFloat Float;
    public int RowsScratchIndex;
}
