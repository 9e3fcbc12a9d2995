using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// 2D pooling over NHWC tensors as TFLM's reference kernels do it (reference/pooling.h and
/// reference/integer_ops/pooling.h): for each output pixel and channel, the window is clipped to the input (padded
/// positions are not counted), averaged or maxed, then clamped to the activation range.
/// </summary>
public static class PoolingMath
{
    /// <summary>Geometry shared by every pooling call; shapes are [batches, height, width, depth].</summary>
    public struct Geometry
    {
        public int Batches;
        public int Depth;
        public int InputHeight;
        public int InputWidth;
        public int OutputHeight;
        public int OutputWidth;
        public int StrideHeight;
        public int StrideWidth;
        public int FilterHeight;
        public int FilterWidth;
        public int PaddingHeight;
        public int PaddingWidth;
    }

    /// <summary>TFLM's ComputeOutSize (dilation 1): SAME → ceil(in / stride), VALID → ceil((in − filter + 1) / stride).</summary>
    public static int OutputSize(bool samePadding, int inputSize, int filterSize, int stride) =>
        WindowChecks.Saturate(samePadding ? ((long)inputSize + stride - 1) / stride : ((long)inputSize + stride - filterSize) / stride);

    /// <summary>TFLM's ComputePadding: half the overhang, never negative (the extra odd row goes after the input).</summary>
    public static int Padding(int stride, int inputSize, int filterSize, int outputSize)
    {
        long padding = ((long)(outputSize - 1) * stride + filterSize - inputSize) / 2;
        return padding > 0 ? WindowChecks.Saturate(padding) : 0;
    }

    /// <summary>
    /// Clips the filter window of one output coordinate to the input: [start, end) in filter coordinates.
    /// </summary>
    private static void Window(int outputIndex, int stride, int padding, int filterSize, int inputSize, out int origin, out int start, out int end)
    {
        origin = outputIndex * stride - padding;
        start = -origin > 0 ? -origin : 0;
        int limit = inputSize - origin;
        end = filterSize < limit ? filterSize : limit;
    }

    /// <summary>
    /// float32 average: sum in window order (rows, then columns), divided by the number of input pixels covered.
    /// Returns false when a window covers no input pixel (TFLM fails the op then).
    /// </summary>
    public static bool AveragePoolFloat(in Geometry g, ReadOnlySpan<float> input, Span<float> output, in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    float total = 0f;
                    float count = 0f;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            total += input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            count += 1f;
                        }
                    }
                    if (count == 0f) return false;
                    output[outBase + c] = ActivationMath.Clamp(total / count, activationMin, activationMax);
                }
            }
        }
        return true;
    }

    /// <summary>
    /// int8 average: int32 sum, divided by the pixel count rounding half away from zero
    /// ((sum ± count/2) / count with C's truncating division), then clamped.
    /// </summary>
    public static bool AveragePoolInt8(in Geometry g, ReadOnlySpan<sbyte> input, Span<sbyte> output, int activationMin, int activationMax)
    {
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    int sum = 0;
                    int count = 0;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            sum += input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            count++;
                        }
                    }
                    if (count == 0) return false;
                    output[outBase + c] = (sbyte)ActivationMath.Clamp(RoundedAverage(sum, count), activationMin, activationMax);
                }
            }
        }
        return true;
    }

    /// <summary>int16 average: as <see cref="AveragePoolInt8"/>.</summary>
    public static bool AveragePoolInt16(in Geometry g, ReadOnlySpan<short> input, Span<short> output, int activationMin, int activationMax)
    {
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    int sum = 0;
                    int count = 0;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            sum += input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            count++;
                        }
                    }
                    if (count == 0) return false;
                    output[outBase + c] = (short)ActivationMath.Clamp(RoundedAverage(sum, count), activationMin, activationMax);
                }
            }
        }
        return true;
    }

    /// <summary>sum / count rounded half away from zero, as TFLM's integer average pool computes it.</summary>
    public static int RoundedAverage(int sum, int count) =>
        sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;

    /// <summary>float32 max over the clipped window (starting from the lowest float), then clamped.</summary>
    public static void MaxPoolFloat(in Geometry g, ReadOnlySpan<float> input, Span<float> output, in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    float max = float.MinValue;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            float value = input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            // std::max(max, value) keeps max unless max < value.
                            if (max < value) max = value;
                        }
                    }
                    output[outBase + c] = ActivationMath.Clamp(max, activationMin, activationMax);
                }
            }
        }
    }

    /// <summary>int8 max over the clipped window (starting from -128), then clamped.</summary>
    public static void MaxPoolInt8(in Geometry g, ReadOnlySpan<sbyte> input, Span<sbyte> output, int activationMin, int activationMax)
    {
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    int max = sbyte.MinValue;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            int value = input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            if (max < value) max = value;
                        }
                    }
                    output[outBase + c] = (sbyte)ActivationMath.Clamp(max, activationMin, activationMax);
                }
            }
        }
    }

    /// <summary>int16 max over the clipped window (starting from -32768), then clamped.</summary>
    public static void MaxPoolInt16(in Geometry g, ReadOnlySpan<short> input, Span<short> output, int activationMin, int activationMax)
    {
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int outBase = ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * g.Depth;
                for (int c = 0; c < g.Depth; c++)
                {
                    int max = short.MinValue;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            int value = input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            if (max < value) max = value;
                        }
                    }
                    output[outBase + c] = (short)ActivationMath.Clamp(max, activationMin, activationMax);
                }
            }
        }
    }
}
