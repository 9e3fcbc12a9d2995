using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// The port's per-node data for FULLY_CONNECTED: the reference OpData first (so the reference's Prepare, which
/// sees <c>node.UserData</c> as a <see cref="FullyConnectedOpData"/>*, fills it unchanged), then the repacked weights.
/// </summary>
public unsafe struct FullyConnectedPackedData
{
    public FullyConnectedOpData Reference;

    /// <summary>Which loop Invoke runs (a node the port cannot speed up runs the reference math).</summary>
    public PackedPath Path;

    public PackedFilterInt8 Int8;
    public PackedFilterFloat Float;

    /// <summary>Scratch buffer for the widened int8 input rows.</summary>
    public int RowsScratchIndex;
}
