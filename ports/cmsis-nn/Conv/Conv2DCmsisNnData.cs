using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>How a CONV_2D node runs on this port, decided at Prepare.</summary>
internal enum Conv2DPath
{
    /// <summary>The reference kernel (float32, int16, anything the int8 paths do not cover).</summary>
    Reference,

    /// <summary>int8: 1×1 filter, stride and padding such that every output pixel reads one whole input pixel.</summary>
    Pointwise,

    /// <summary>int8: any other filter, stride, dilation, padding or group count (im2col).</summary>
    Im2Col,
}

/// <summary>
/// CONV_2D's per-node data on this port: the reference's <see cref="Conv2DOpData"/> first (its Prepare fills it through
/// <c>node.UserData</c>), then what the int8 paths add.
/// </summary>
internal unsafe struct Conv2DCmsisNnData
{
    public Conv2DOpData Reference;
    public Conv2DPath Path;

    /// <summary>Rows = output channels per group, depth = filter height × width × input channels per group.</summary>
    public GemmParameters Gemm;

    public int Groups;

    /// <summary><see cref="Microkernels.Columns"/> widened columns, interleaved (int16).</summary>
    public int ColumnsScratchIndex;

    /// <summary>One gathered receptive field (int8), for output pixels that need padding or gathering.</summary>
    public int GatherScratchIndex;

    /// <summary>Filter height × width × input channels per group is a multiple of the widening group, per filter row.</summary>
    public bool RowsWidenInPlace;
}
