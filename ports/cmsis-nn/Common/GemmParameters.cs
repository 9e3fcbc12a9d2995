using System.Runtime.InteropServices;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// Shape and requantization of one matrix product (rows = output channels, <see cref="Depth"/> = accumulation depth):
/// the C struct <c>tflm_cmsisnn_gemm</c> of native/cmsis_nn_microkernels.h, field for field. Filled at Prepare and
/// kept in the node's data; Invoke copies it and sets the weight and bias pointers.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GemmParameters
{
    /// <summary>Rows × depth int8 weights, row-major (OHWI filters and FULLY_CONNECTED weights are exactly this).</summary>
    public sbyte* Weights;

    /// <summary>One per row, or null.</summary>
    public int* Bias;

    /// <summary>One per row (<see cref="QuantStep"/> 1) or one for every row (<see cref="QuantStep"/> 0).</summary>
    public int* Multiplier;

    /// <summary>TFLM convention: &gt; 0 shifts left before the multiply, &lt; 0 right after it.</summary>
    public int* Shift;

    public int Rows;
    public int Depth;
    public int QuantStep;
    public int OutputOffset;
    public int ActivationMin;
    public int ActivationMax;

    /// <summary>Bytes between the outputs of consecutive columns (pixels) of a convolution block.</summary>
    public int OutputStride;

    /// <summary>Added to every input value when it is widened (−input zero point).</summary>
    public int InputOffset;
}
