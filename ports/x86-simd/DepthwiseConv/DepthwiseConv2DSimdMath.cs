using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TfLiteMicro.Kernels;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// Depthwise convolution (depth multiplier 1) with the channels in vectors: each lane accumulates one channel over
/// the valid taps in the reference's order (filter rows, then columns), so int8 sums are the reference's and float
/// sums are bit-identical. 16 channels per AVX-512 step, 8 per AVX2 step, the rest through the reference formula.
/// </summary>
public static unsafe class DepthwiseConv2DSimdMath
{
    /// <summary>
    /// int8; depth multiplier 1, or one input channel feeding every output channel (any multiplier), as in
    /// micro_speech's first layer: then the single input value is broadcast across the lanes.
    /// </summary>
    public static void Int8(in ConvolutionGeometry g, sbyte* input, sbyte* filter, in PackedFilterInt8 p, sbyte* output)
    {
        int channels = g.OutputDepth;
        int inputDepth = g.InputDepth;
        int laneStep = inputDepth == 1 ? 0 : 1;
        for (int b = 0; b < g.Batches; b++)
        for (int outY = 0; outY < g.OutputHeight; outY++)
        {
            int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
            for (int outX = 0; outX < g.OutputWidth; outX++)
            {
                int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                sbyte* outPixel = output + ((b * g.OutputHeight + outY) * g.OutputWidth + outX) * channels;
                int c = 0;
                if (Avx512BW.IsSupported)
                {
                    Vector512<int> offset = Vector512.Create(p.InputOffset);
                    for (; c + 16 <= channels; c += 16)
                    {
                        Vector512<int> acc = Vector512.Load(p.Bias + c);
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                sbyte* pixel = input + ((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth;
                                Vector512<int> x = (laneStep == 0 ? Vector512.Create((int)pixel[0])
                                    : Avx512F.ConvertToVector512Int32(Vector128.Load(pixel + c))) + offset;
                                Vector512<int> w = Avx512F.ConvertToVector512Int32(
                                    Vector128.Load(filter + (filterY * g.FilterWidth + filterX) * channels + c));
                                acc += x * w;
                            }
                        }
                        Int8Gemm.Store512(in p, c, acc, outPixel);
                    }
                }
                if (Avx2.IsSupported)
                {
                    Vector256<int> offset = Vector256.Create(p.InputOffset);
                    for (; c + 8 <= channels; c += 8)
                    {
                        Vector256<int> acc = Vector256.Load(p.Bias + c);
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                sbyte* pixel = input + ((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth;
                                Vector256<int> x = (laneStep == 0 ? Vector256.Create((int)pixel[0])
                                    : Avx2.ConvertToVector256Int32(pixel + c)) + offset;
                                Vector256<int> w = Avx2.ConvertToVector256Int32(filter + (filterY * g.FilterWidth + filterX) * channels + c);
                                acc += x * w;
                            }
                        }
                        Vector256<int> result = Requantization.Apply(acc, Vector256.Load(p.Multipliers + c),
                            Vector256.Load((uint*)p.LeftShifts + c), Vector256.Load((uint*)p.RightShifts + c),
                            Vector256.Create(p.OutputOffset), Vector256.Create(p.ActivationMin), Vector256.Create(p.ActivationMax));
                        Vector128<short> shorts = Vector128.Narrow(result.GetLower(), result.GetUpper());
                        *(long*)(outPixel + c) = Vector128.Narrow(shorts, shorts).AsInt64().ToScalar();
                    }
                }
                for (; c < channels; c++)
                {
                    int acc = 0;
                    for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                    {
                        int inY = inYOrigin + g.DilationHeight * filterY;
                        if ((uint)inY >= (uint)g.InputHeight) continue;
                        for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                        {
                            int inX = inXOrigin + g.DilationWidth * filterX;
                            if ((uint)inX >= (uint)g.InputWidth) continue;
                            acc += filter[(filterY * g.FilterWidth + filterX) * channels + c]
                                * (input[((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth + c * laneStep] + p.InputOffset);
                        }
                    }
                    acc += p.Bias[c];
                    outPixel[c] = (sbyte)Requantization.Scalar(acc, p.Multipliers[c], p.Shifts[c], p.OutputOffset, p.ActivationMin, p.ActivationMax);
                }
            }
        }
    }

    public static void Float(in ConvolutionGeometry g, float* input, float* filter, float* bias, float* output,
        float activationMin, float activationMax)
    {
        int channels = g.OutputDepth;
        for (int b = 0; b < g.Batches; b++)
        for (int outY = 0; outY < g.OutputHeight; outY++)
        {
            int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
            for (int outX = 0; outX < g.OutputWidth; outX++)
            {
                int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                float* outPixel = output + ((b * g.OutputHeight + outY) * g.OutputWidth + outX) * channels;
                int c = 0;
                if (Avx512F.IsSupported)
                {
                    Vector512<float> lo = Vector512.Create(activationMin);
                    Vector512<float> hi = Vector512.Create(activationMax);
                    for (; c + 16 <= channels; c += 16)
                    {
                        Vector512<float> total = Vector512<float>.Zero;
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                total += Vector512.Load(input + ((b * g.InputHeight + inY) * g.InputWidth + inX) * channels + c)
                                    * Vector512.Load(filter + (filterY * g.FilterWidth + filterX) * channels + c);
                            }
                        }
                        Vector512<float> x = total + (bias != null ? Vector512.Load(bias + c) : Vector512<float>.Zero);
                        Vector512<float> lower = Vector512.ConditionalSelect(Vector512.LessThan(x, lo), lo, x);
                        Vector512.ConditionalSelect(Vector512.LessThan(hi, lower), hi, lower).Store(outPixel + c);
                    }
                }
                if (Avx.IsSupported)
                {
                    Vector256<float> lo = Vector256.Create(activationMin);
                    Vector256<float> hi = Vector256.Create(activationMax);
                    for (; c + 8 <= channels; c += 8)
                    {
                        Vector256<float> total = Vector256<float>.Zero;
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                total += Vector256.Load(input + ((b * g.InputHeight + inY) * g.InputWidth + inX) * channels + c)
                                    * Vector256.Load(filter + (filterY * g.FilterWidth + filterX) * channels + c);
                            }
                        }
                        Vector256<float> x = total + (bias != null ? Vector256.Load(bias + c) : Vector256<float>.Zero);
                        Vector256<float> lower = Vector256.ConditionalSelect(Vector256.LessThan(x, lo), lo, x);
                        Vector256.ConditionalSelect(Vector256.LessThan(hi, lower), hi, lower).Store(outPixel + c);
                    }
                }
                for (; c < channels; c++)
                {
                    float total = 0f;
                    for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                    {
                        int inY = inYOrigin + g.DilationHeight * filterY;
                        if ((uint)inY >= (uint)g.InputHeight) continue;
                        for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                        {
                            int inX = inXOrigin + g.DilationWidth * filterX;
                            if ((uint)inX >= (uint)g.InputWidth) continue;
                            total += input[((b * g.InputHeight + inY) * g.InputWidth + inX) * channels + c]
                                * filter[(filterY * g.FilterWidth + filterX) * channels + c];
                        }
                    }
                    float biasValue = bias != null ? bias[c] : 0f;
                    outPixel[c] = ActivationMath.Clamp(total + biasValue, activationMin, activationMax);
                }
            }
        }
    }
}
