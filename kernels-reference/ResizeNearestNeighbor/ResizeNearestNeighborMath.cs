using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// RESIZE_NEAREST_NEIGHBOR as TFLM's reference does it (reference/resize_nearest_neighbor.h): each output pixel copies
/// the depth vector of one input pixel, chosen per axis in float arithmetic.
/// </summary>
public static class ResizeNearestNeighborMath
{
    /// <summary>Scale of one axis: input/output, or (input−1)/(output−1) with align_corners and an output above 1.</summary>
    public static float Scale(int inputSize, int outputSize, bool alignCorners) =>
        alignCorners && outputSize > 1 ? (inputSize - 1) / (float)(outputSize - 1) : inputSize / (float)outputSize;

    /// <summary>
    /// Source index of output position <paramref name="value"/>: (value + 0.5 with half-pixel centers) × scale, rounded
    /// half away from zero with align_corners, else floored; at most inputSize − 1, and at least 0 with half-pixel
    /// centers (without them it cannot go negative).
    /// </summary>
    public static int SourceIndex(int value, int inputSize, float scale, bool alignCorners, bool halfPixelCenters)
    {
        float offset = halfPixelCenters ? 0.5f : 0f;
        float position = (value + offset) * scale;
        int index = alignCorners ? (int)QuantizationMath.RoundHalfAwayFromZero(position) : (int)FloatMath.Floor(position);
        if (index > inputSize - 1) index = inputSize - 1;
        if (halfPixelCenters && index < 0) index = 0;
        return index;
    }

    public static void Eval<T>(ReadOnlySpan<T> input, Span<T> output, in ResizeGeometry geometry, float heightScale,
        float widthScale, bool alignCorners, bool halfPixelCenters) where T : unmanaged
    {
        int depth = geometry.Depth;
        int rowStride = geometry.InputWidth * depth;
        int batchStride = geometry.InputHeight * rowStride;
        int o = 0;
        for (int b = 0; b < geometry.Batches; b++)
        {
            for (int y = 0; y < geometry.OutputHeight; y++)
            {
                int inY = SourceIndex(y, geometry.InputHeight, heightScale, alignCorners, halfPixelCenters);
                int rowBase = b * batchStride + inY * rowStride;
                for (int x = 0; x < geometry.OutputWidth; x++)
                {
                    int inX = SourceIndex(x, geometry.InputWidth, widthScale, alignCorners, halfPixelCenters);
                    input.Slice(rowBase + inX * depth, depth).CopyTo(output.Slice(o, depth));
                    o += depth;
                }
            }
        }
    }
}
