using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// FULLY_CONNECTED's per-node data on this port: the reference's <see cref="FullyConnectedOpData"/> first (its Prepare
/// fills it through <c>node.UserData</c>), then the matrix microkernel's parameters.
/// </summary>
internal unsafe struct FullyConnectedCmsisNnData
{
    public FullyConnectedOpData Reference;

    /// <summary>False: the reference kernel runs (float32, int16, hybrid, a non-zero filter zero point).</summary>
    public bool Int8;

    public GemmParameters Gemm;

    /// <summary>One widened input row (int16, rounded up to the widening group).</summary>
    public int VectorScratchIndex;
}
