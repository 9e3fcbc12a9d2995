using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// Walks every output pixel of an int8 pooling node and hands its window, clipped to the input as TFLM clips it,
/// to a pooling microkernel. Returns false, without writing the remaining outputs, when a window covers no input
/// pixel (the reference then fails the op; the kernels hand such nodes to it).
/// </summary>
internal static unsafe class PoolingWindows
{
    public static bool Run(in PoolingMath.Geometry g, sbyte* input, sbyte* output, int activationMin, int activationMax, bool max)
    {
        PoolParameters pool = new PoolParameters
        {
            Depth = g.Depth,
            RowStride = g.InputWidth * g.Depth,
            ActivationMin = activationMin,
            ActivationMax = activationMax,
        };
        for (int b = 0; b < g.Batches; b++)
        {
            sbyte* image = input + b * g.InputHeight * pool.RowStride;
            for (int oy = 0; oy < g.OutputHeight; oy++)
            {
                Clip(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int y, out int rows);
                for (int ox = 0; ox < g.OutputWidth; ox++, output += g.Depth)
                {
                    Clip(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int x, out int cols);
                    sbyte* window = image + y * pool.RowStride + x * g.Depth;
                    if (max)
                    {
                        Microkernels.MaxPoolS8(&pool, window, rows, cols, output);
                    }
                    else
                    {
                        if (rows * cols == 0) return false;
                        Microkernels.AveragePoolS8(&pool, window, rows, cols, output);
                    }
                }
            }
        }
        return true;
    }

    /// <summary>The first input row (column) of one output coordinate's window and how many of its rows lie inside.</summary>
    private static void Clip(int outputIndex, int stride, int padding, int filterSize, int inputSize, out int first, out int count)
    {
        int origin = outputIndex * stride - padding;
        int start = origin < 0 ? -origin : 0;
        int end = filterSize < inputSize - origin ? filterSize : inputSize - origin;
        first = origin + start;
        count = end > start ? end - start : 0;
    }
}
