using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// AVERAGE_POOL_2D and MAX_POOL_2D with legacy uint8 quantization (TFLite's reference_ops::AveragePool / MaxPool for
/// uint8): values are pooled as they are, no rescaling; the average is (sum + count/2) / count over the window's pixels
/// inside the input, then clamped to the fused activation's range.
/// </summary>
public static class PoolingUInt8
{
    /// <summary>Returns false when a window covers no input pixel (TFLite fails the op then).</summary>
    public static bool AveragePool(in PoolingMath.Geometry g, ReadOnlySpan<byte> input, Span<byte> output, int activationMin, int activationMax)
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
                    output[outBase + c] = (byte)ActivationMath.Clamp((sum + count / 2) / count, activationMin, activationMax);
                }
            }
        }
        return true;
    }

    public static void MaxPool(in PoolingMath.Geometry g, ReadOnlySpan<byte> input, Span<byte> output, int activationMin, int activationMax)
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
                    int max = 0;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            int value = input[((b * g.InputHeight + originY + fy) * g.InputWidth + originX + fx) * g.Depth + c];
                            if (max < value) max = value;
                        }
                    }
                    output[outBase + c] = (byte)ActivationMath.Clamp(max, activationMin, activationMax);
                }
            }
        }
    }

    /// <summary>The filter rows (or columns) [start, end) of a window that fall inside the input, and its origin.</summary>
    private static void Window(int outputIndex, int stride, int padding, int filterSize, int inputSize, out int origin, out int start, out int end)
    {
        origin = outputIndex * stride - padding;
        start = -origin > 0 ? -origin : 0;
        int limit = inputSize - origin;
        end = filterSize < limit ? filterSize : limit;
    }
}
