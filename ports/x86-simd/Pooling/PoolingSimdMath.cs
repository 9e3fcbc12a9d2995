using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// int8 pooling over NHWC with the channels in vectors: the window of each output pixel is clipped to the input
/// exactly as the reference does (<see cref="PoolingMath"/>), then every channel of the pixel is maxed or summed at
/// once. Max pooling is exact trivially; average pooling sums in int32 like the reference and divides per lane
/// with the reference's rounding.
/// </summary>
public static unsafe class PoolingSimdMath
{
    /// <summary>Clips the window of one output coordinate to the input: [start, end) in filter coordinates.</summary>
    private static void Window(int outputIndex, int stride, int padding, int filterSize, int inputSize, out int origin, out int start, out int end)
    {
        origin = outputIndex * stride - padding;
        start = -origin > 0 ? -origin : 0;
        int limit = inputSize - origin;
        end = filterSize < limit ? filterSize : limit;
    }

    public static void MaxPoolInt8(in PoolingMath.Geometry g, sbyte* input, sbyte* output, int activationMin, int activationMax)
    {
        int depth = g.Depth;
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                sbyte* outPixel = output + ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * depth;
                sbyte* inBase = input + ((b * g.InputHeight + originY) * g.InputWidth + originX) * depth;
                int c = 0;
                if (Avx512BW.IsSupported)
                {
                    for (; c + 64 <= depth; c += 64)
                    {
                        Vector512<sbyte> max = Vector512.Create(sbyte.MinValue);
                        for (int fy = startY; fy < endY; fy++)
                            for (int fx = startX; fx < endX; fx++)
                                max = Vector512.Max(max, Vector512.Load(inBase + (fy * g.InputWidth + fx) * depth + c));
                        max = Vector512.Min(Vector512.Max(max, Vector512.Create((sbyte)activationMin)), Vector512.Create((sbyte)activationMax));
                        max.Store(outPixel + c);
                    }
                }
                if (Avx2.IsSupported)
                {
                    for (; c + 32 <= depth; c += 32)
                    {
                        Vector256<sbyte> max = Vector256.Create(sbyte.MinValue);
                        for (int fy = startY; fy < endY; fy++)
                            for (int fx = startX; fx < endX; fx++)
                                max = Vector256.Max(max, Vector256.Load(inBase + (fy * g.InputWidth + fx) * depth + c));
                        max = Vector256.Min(Vector256.Max(max, Vector256.Create((sbyte)activationMin)), Vector256.Create((sbyte)activationMax));
                        max.Store(outPixel + c);
                    }
                }
                if (Sse41.IsSupported)
                {
                    for (; c + 16 <= depth; c += 16)
                    {
                        Vector128<sbyte> max = Vector128.Create(sbyte.MinValue);
                        for (int fy = startY; fy < endY; fy++)
                            for (int fx = startX; fx < endX; fx++)
                                max = Vector128.Max(max, Vector128.Load(inBase + (fy * g.InputWidth + fx) * depth + c));
                        max = Vector128.Min(Vector128.Max(max, Vector128.Create((sbyte)activationMin)), Vector128.Create((sbyte)activationMax));
                        max.Store(outPixel + c);
                    }
                }
                for (; c < depth; c++)
                {
                    int max = sbyte.MinValue;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            int value = inBase[(fy * g.InputWidth + fx) * depth + c];
                            if (max < value) max = value;
                        }
                    }
                    outPixel[c] = (sbyte)ActivationMath.Clamp(max, activationMin, activationMax);
                }
            }
        }
    }

    /// <summary>Returns false when a window covers no input pixel (the reference fails the op then).</summary>
    public static bool AveragePoolInt8(in PoolingMath.Geometry g, sbyte* input, sbyte* output, int activationMin, int activationMax)
    {
        int depth = g.Depth;
        Vector512<int> sums512 = default;
        int* sums = (int*)&sums512;
        for (int b = 0; b < g.Batches; b++)
        for (int oy = 0; oy < g.OutputHeight; oy++)
        {
            Window(oy, g.StrideHeight, g.PaddingHeight, g.FilterHeight, g.InputHeight, out int originY, out int startY, out int endY);
            for (int ox = 0; ox < g.OutputWidth; ox++)
            {
                Window(ox, g.StrideWidth, g.PaddingWidth, g.FilterWidth, g.InputWidth, out int originX, out int startX, out int endX);
                int count = (endY > startY && endX > startX) ? (endY - startY) * (endX - startX) : 0;
                if (count == 0) return false;
                sbyte* outPixel = output + ((b * g.OutputHeight + oy) * g.OutputWidth + ox) * depth;
                sbyte* inBase = input + ((b * g.InputHeight + originY) * g.InputWidth + originX) * depth;
                int c = 0;
                if (Avx512F.IsSupported)
                {
                    for (; c + 16 <= depth; c += 16)
                    {
                        Vector512<int> sum = Vector512<int>.Zero;
                        for (int fy = startY; fy < endY; fy++)
                            for (int fx = startX; fx < endX; fx++)
                                sum += Avx512F.ConvertToVector512Int32(Vector128.Load(inBase + (fy * g.InputWidth + fx) * depth + c));
                        sums512 = sum;
                        Finish(sums, 16, count, outPixel + c, activationMin, activationMax);
                    }
                }
                if (Avx2.IsSupported)
                {
                    for (; c + 8 <= depth; c += 8)
                    {
                        Vector256<int> sum = Vector256<int>.Zero;
                        for (int fy = startY; fy < endY; fy++)
                            for (int fx = startX; fx < endX; fx++)
                                sum += Avx2.ConvertToVector256Int32(inBase + (fy * g.InputWidth + fx) * depth + c);
                        sum.Store(sums);
                        Finish(sums, 8, count, outPixel + c, activationMin, activationMax);
                    }
                }
                for (; c < depth; c++)
                {
                    int sum = 0;
                    for (int fy = startY; fy < endY; fy++)
                        for (int fx = startX; fx < endX; fx++)
                            sum += inBase[(fy * g.InputWidth + fx) * depth + c];
                    outPixel[c] = (sbyte)ActivationMath.Clamp(PoolingMath.RoundedAverage(sum, count), activationMin, activationMax);
                }
            }
        }
        return true;
    }

    private static void Finish(int* sums, int lanes, int count, sbyte* destination, int activationMin, int activationMax)
    {
        for (int i = 0; i < lanes; i++)
        {
            destination[i] = (sbyte)ActivationMath.Clamp(PoolingMath.RoundedAverage(sums[i], count), activationMin, activationMax);
        }
    }
}
