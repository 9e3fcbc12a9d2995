using System.Runtime.InteropServices;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// One int8 pooling window as the microkernels see it: the C struct <c>tflm_cmsisnn_pool</c> of
/// native/cmsis_nn_microkernels.h, field for field.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PoolParameters
{
    public int Depth;

    /// <summary>Bytes between input rows (input width × depth).</summary>
    public int RowStride;

    public int ActivationMin;
    public int ActivationMax;
}
