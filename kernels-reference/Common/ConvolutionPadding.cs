namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Output sizes and padding of windowed ops as TFLM computes them (tensorflow/lite/kernels/padding.h): the
/// window covers <c>(filter − 1) · dilation + 1</c> input positions; SAME padding splits the overhang, the
/// odd extra position going after the input.
/// </summary>
public static class ConvolutionPadding
{
    /// <summary>
    /// TFLM <c>ComputeOutSize</c>: SAME → ceil(in / stride); VALID → ceil((in − effectiveFilter + 1) / stride);
    /// 0 for a zero stride or an unknown padding (TFLM's only way of reporting those).
    /// </summary>
    public static int OutputSize(bool samePadding, int inputSize, int filterSize, int stride, int dilation)
    {
        if (stride == 0) return 0;
        // In 64 bits: huge strides, filters or dilations from a model must not wrap (WindowChecks then refuses them).
        long effectiveFilterSize = (long)(filterSize - 1) * dilation + 1;
        return WindowChecks.Saturate(samePadding
            ? ((long)inputSize + stride - 1) / stride
            : ((long)inputSize + stride - effectiveFilterSize) / stride);
    }

    /// <summary>
    /// TFLM <c>ComputePaddingWithOffset</c>: half of the total overhang
    /// <c>(out − 1) · stride + effectiveFilter − in</c> (never negative), rounded down; the kernels only use this
    /// leading half.
    /// </summary>
    public static int Padding(int stride, int dilation, int inputSize, int filterSize, int outputSize)
    {
        long effectiveFilterSize = (long)(filterSize - 1) * dilation + 1;
        long totalPadding = (long)(outputSize - 1) * stride + effectiveFilterSize - inputSize;
        return totalPadding > 0 ? WindowChecks.Saturate(totalPadding / 2) : 0;
    }

    /// <summary>
    /// TFLM <c>ComputePaddingHeightWidth</c> for one axis: the padding that goes with the output size TFLM computes
    /// itself from the input (not the output tensor's size).
    /// </summary>
    public static int PaddingFor(bool samePadding, int stride, int dilation, int inputSize, int filterSize)
    {
        int outputSize = OutputSize(samePadding, inputSize, filterSize, stride, dilation);
        return Padding(stride, dilation, inputSize, filterSize, outputSize);
    }
}
