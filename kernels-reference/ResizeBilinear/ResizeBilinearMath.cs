using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// RESIZE_BILINEAR as TFLM's reference does it (reference/resize_bilinear.h): float32 interpolates in float with the
/// exact expression order of TFLM; int8/int16 use the float-free path, with source coordinates in fixed point with 10
/// fractional bits, a 64-bit weighted sum with 20 fractional bits and rounding half away from zero (the default,
/// non-TFLITE_SINGLE_ROUNDING build).
/// </summary>
public static class ResizeBilinearMath
{
    private const int One10 = 1 << 10;

    /// <summary>Scale of one axis: input/output, or (input−1)/(output−1) with align_corners and an output above 1.</summary>
    public static float Scale(int inputSize, int outputSize, bool alignCorners) =>
        alignCorners && outputSize > 1 ? (float)(inputSize - 1) / (outputSize - 1) : (float)inputSize / outputSize;

    /// <summary>The same scale with 10 fractional bits, rounded to nearest in integer arithmetic.</summary>
    public static int Scale10(int inputSize, int outputSize, bool alignCorners) =>
        alignCorners && outputSize > 1
            ? (One10 * (inputSize - 1) + (outputSize - 1) / 2) / (outputSize - 1)
            : (One10 * inputSize + outputSize / 2) / outputSize;

    /// <summary>Source coordinate of output position <paramref name="value"/> and its two neighbours, clamped to the input.</summary>
    public static void SourceCoordinate(float value, float scale, bool halfPixelCenters, int inputSize,
        out float scaled, out int lower, out int upper)
    {
        scaled = halfPixelCenters ? (value + 0.5f) * scale - 0.5f : value * scale;
        int floor = (int)FloatMath.Floor(scaled);
        lower = floor > 0 ? floor : 0;
        int ceiling = (int)FloatMath.Ceiling(scaled);
        upper = ceiling < inputSize - 1 ? ceiling : inputSize - 1;
    }

    /// <summary>Integer version: coordinates with 10 fractional bits; C division (toward zero) for the neighbours.</summary>
    public static void SourceCoordinate10(int value, int scale10, bool halfPixelCenters, int inputSize,
        out int scaled, out int lower, out int upper)
    {
        scaled = halfPixelCenters ? value * scale10 + scale10 / 2 - (1 << 9) : value * scale10;
        int floor = scaled / One10;
        lower = floor > 0 ? floor : 0;
        int ceiling = (scaled + One10 - 1) / One10;
        upper = ceiling < inputSize - 1 ? ceiling : inputSize - 1;
    }

    public static void EvalFloat(ReadOnlySpan<float> input, Span<float> output, in ResizeGeometry geometry,
        float heightScale, float widthScale, bool halfPixelCenters)
    {
        int depth = geometry.Depth;
        int rowStride = geometry.InputWidth * depth;
        int batchStride = geometry.InputHeight * rowStride;
        int o = 0;
        for (int b = 0; b < geometry.Batches; b++)
        {
            int batchBase = b * batchStride;
            for (int y = 0; y < geometry.OutputHeight; y++)
            {
                SourceCoordinate(y, heightScale, halfPixelCenters, geometry.InputHeight, out float inputY, out int y0, out int y1);
                float dy = inputY - y0;
                for (int x = 0; x < geometry.OutputWidth; x++)
                {
                    SourceCoordinate(x, widthScale, halfPixelCenters, geometry.InputWidth, out float inputX, out int x0, out int x1);
                    float dx = inputX - x0;
                    int p00 = batchBase + y0 * rowStride + x0 * depth;
                    int p10 = batchBase + y1 * rowStride + x0 * depth;
                    int p01 = batchBase + y0 * rowStride + x1 * depth;
                    int p11 = batchBase + y1 * rowStride + x1 * depth;
                    for (int c = 0; c < depth; c++)
                    {
                        // Same operation order as TFLM (left to right, the weights rebuilt per term); the + 0f is
                        // TFLM's rounding offset for float outputs.
                        output[o++] = input[p00 + c] * (1 - dy) * (1 - dx)
                            + input[p10 + c] * dy * (1 - dx)
                            + input[p01 + c] * (1 - dy) * dx
                            + input[p11 + c] * dy * dx
                            + 0f;
                    }
                }
            }
        }
    }

    public static void EvalInt8(ReadOnlySpan<sbyte> input, Span<sbyte> output, in ResizeGeometry geometry,
        int heightScale10, int widthScale10, bool halfPixelCenters)
    {
        int depth = geometry.Depth;
        int rowStride = geometry.InputWidth * depth;
        int batchStride = geometry.InputHeight * rowStride;
        int o = 0;
        for (int b = 0; b < geometry.Batches; b++)
        {
            int batchBase = b * batchStride;
            for (int y = 0; y < geometry.OutputHeight; y++)
            {
                SourceCoordinate10(y, heightScale10, halfPixelCenters, geometry.InputHeight, out int inputY, out int y0, out int y1);
                int dy = inputY - One10 * y0;
                for (int x = 0; x < geometry.OutputWidth; x++)
                {
                    SourceCoordinate10(x, widthScale10, halfPixelCenters, geometry.InputWidth, out int inputX, out int x0, out int x1);
                    int dx = inputX - One10 * x0;
                    int p00 = batchBase + y0 * rowStride + x0 * depth;
                    int p10 = batchBase + y1 * rowStride + x0 * depth;
                    int p01 = batchBase + y0 * rowStride + x1 * depth;
                    int p11 = batchBase + y1 * rowStride + x1 * depth;
                    for (int c = 0; c < depth; c++)
                    {
                        output[o++] = (sbyte)Interpolate(input[p00 + c], input[p10 + c], input[p01 + c], input[p11 + c], dy, dx);
                    }
                }
            }
        }
    }

    public static void EvalInt16(ReadOnlySpan<short> input, Span<short> output, in ResizeGeometry geometry,
        int heightScale10, int widthScale10, bool halfPixelCenters)
    {
        int depth = geometry.Depth;
        int rowStride = geometry.InputWidth * depth;
        int batchStride = geometry.InputHeight * rowStride;
        int o = 0;
        for (int b = 0; b < geometry.Batches; b++)
        {
            int batchBase = b * batchStride;
            for (int y = 0; y < geometry.OutputHeight; y++)
            {
                SourceCoordinate10(y, heightScale10, halfPixelCenters, geometry.InputHeight, out int inputY, out int y0, out int y1);
                int dy = inputY - One10 * y0;
                for (int x = 0; x < geometry.OutputWidth; x++)
                {
                    SourceCoordinate10(x, widthScale10, halfPixelCenters, geometry.InputWidth, out int inputX, out int x0, out int x1);
                    int dx = inputX - One10 * x0;
                    int p00 = batchBase + y0 * rowStride + x0 * depth;
                    int p10 = batchBase + y1 * rowStride + x0 * depth;
                    int p01 = batchBase + y0 * rowStride + x1 * depth;
                    int p11 = batchBase + y1 * rowStride + x1 * depth;
                    for (int c = 0; c < depth; c++)
                    {
                        output[o++] = (short)Interpolate(input[p00 + c], input[p10 + c], input[p01 + c], input[p11 + c], dy, dx);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Weighted sum of the four neighbours with weights of 10 fractional bits each (20 in the product), rounded half
    /// away from zero back to an integer. <paramref name="dy"/>/<paramref name="dx"/> are the fractional offsets from
    /// the lower neighbours (may fall outside [0, 1024) at the borders with half-pixel centers, as in TFLM).
    /// </summary>
    public static long Interpolate(int v00, int v10, int v01, int v11, int dy, int dx)
    {
        long sum = (long)v00 * (One10 - dy) * (One10 - dx)
            + (long)v10 * dy * (One10 - dx)
            + (long)v01 * (One10 - dy) * dx
            + (long)v11 * dy * dx;
        long round = sum > 0 ? 1L << 19 : -(1L << 19);
        return (sum + round) / (1L << 20);
    }
}
