using System.Runtime.InteropServices;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// One depthwise convolution as the row microkernel sees it: the C struct
/// <c>tflm_cmsisnn_depthwise</c> of native/cmsis_nn_microkernels.h, field for field. Filled at Prepare.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DepthwiseParameters
{
    /// <summary>[1, filter height, filter width, channels] int8.</summary>
    public sbyte* Weights;

    /// <summary>One per channel, or null.</summary>
    public int* Bias;

    public int* Multiplier;
    public int* Shift;
    /// <summary>Output channels; output channel c reads input channel c / <see cref="DepthMultiplier"/>.</summary>
    public int Channels;

    /// <summary>1 or a multiple of 4 (other multipliers repeat the input channels into scratch first).</summary>
    public int DepthMultiplier;

    public int InputWidth;
    public int OutputWidth;
    public int FilterWidth;
    public int StrideWidth;
    public int DilationWidth;
    public int PaddingWidth;

    /// <summary>Bytes between the input rows two consecutive filter rows read (dilation height × row bytes).</summary>
    public int FilterRowStride;

    public int InputOffset;
    public int OutputOffset;
    public int ActivationMin;
    public int ActivationMax;
}
