namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Shapes (NHWC), strides, dilations and leading paddings of one convolution node, fixed at Prepare and shared by
/// CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV (and by ports that reuse their Prepare).
/// </summary>
public struct ConvolutionGeometry
{
    public int Batches;
    public int InputHeight;
    public int InputWidth;
    public int InputDepth;

    public int FilterHeight;
    public int FilterWidth;

    /// <summary>CONV_2D: input channels per group (filter dimension 3); TRANSPOSE_CONV: the input depth.</summary>
    public int FilterInputDepth;

    public int OutputHeight;
    public int OutputWidth;
    public int OutputDepth;

    public int StrideHeight;
    public int StrideWidth;
    public int DilationHeight;
    public int DilationWidth;

    /// <summary>Rows/columns of implicit zeros before the input (TFLM's padding_values.height/width).</summary>
    public int PaddingHeight;
    public int PaddingWidth;

    /// <summary>DEPTHWISE_CONV_2D: output channels per input channel.</summary>
    public int DepthMultiplier;

    /// <summary>Elements of the output tensor.</summary>
    public readonly int OutputElementCount => Batches * OutputHeight * OutputWidth * OutputDepth;
}
