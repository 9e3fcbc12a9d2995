using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEPTHWISE_CONV_2D arithmetic as TFLM's reference kernels do it (reference/depthwiseconv_float.h and
/// reference/integer_ops/depthwise_conv.h): NHWC input, filter [1, H, W, C·M]; output channel o = i·M + m only reads
/// input channel i: output[b, y, x, o] = act(Σ_{fy, fx} input[b, y·s − p + fy·d, x·s − p + fx·d, i] ·
/// filter[0, fy, fx, o] + bias[o]). Positions outside the input are skipped.
/// The loops run over all channels of one output pixel at once (contiguous input pixel and filter row per tap), with
/// one accumulator per channel; each channel still sums its taps in TFLM's (fy, fx) order, so float results are
/// bit-identical.
/// </summary>
public static class DepthwiseConv2DMath
{
    /// <summary>float32; the output pixel itself holds the running sums (starting at 0, as TFLM's total).</summary>
    public static void EvalFloat(in ConvolutionGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filter,
        ReadOnlySpan<float> bias, Span<float> output, float activationMin, float activationMax)
    {
        int outputDepth = g.OutputDepth;
        int multiplier = g.DepthMultiplier;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                Conv2DMath.WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    Conv2DMath.WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    Span<float> totals = output.Slice(OutputOffset(g, b, outY, outX), outputDepth);
                    totals.Clear();
                    for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                    {
                        int inY = inYOrigin + g.DilationHeight * filterY;
                        for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                        {
                            int inX = inXOrigin + g.DilationWidth * filterX;
                            ReadOnlySpan<float> pixel = input.Slice(InputOffset(g, b, inY, inX), g.InputDepth);
                            ReadOnlySpan<float> weights = filter.Slice((filterY * g.FilterWidth + filterX) * outputDepth, totals.Length);
                            if (multiplier == 1)
                            {
                                pixel = pixel.Slice(0, totals.Length);
                                for (int c = 0; c < totals.Length; c++) totals[c] += pixel[c] * weights[c];
                            }
                            else
                            {
                                for (int c = 0; c < totals.Length; c++) totals[c] += pixel[c / multiplier] * weights[c];
                            }
                        }
                    }
                    for (int c = 0; c < totals.Length; c++)
                    {
                        float biasValue = bias.IsEmpty ? 0f : bias[c];
                        totals[c] = ActivationMath.Clamp(totals[c] + biasValue, activationMin, activationMax);
                    }
                }
            }
        }
    }

    /// <summary>
    /// int8 per channel, int32 bias and accumulator (<paramref name="accumulators"/>: one per output channel, scratch):
    /// Σ filter · (input + inputOffset), + bias, requantized, + outputOffset, clamped.
    /// </summary>
    public static void EvalInt8(in ConvolutionGeometry g, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<int> bias, Span<sbyte> output, Span<int> accumulators, int inputOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int outputDepth = g.OutputDepth;
        int multiplier = g.DepthMultiplier;
        Span<int> acc = accumulators.Slice(0, outputDepth);
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                Conv2DMath.WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    Conv2DMath.WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    acc.Clear();
                    for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                    {
                        int inY = inYOrigin + g.DilationHeight * filterY;
                        for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                        {
                            int inX = inXOrigin + g.DilationWidth * filterX;
                            ReadOnlySpan<sbyte> pixel = input.Slice(InputOffset(g, b, inY, inX), g.InputDepth);
                            ReadOnlySpan<sbyte> weights = filter.Slice((filterY * g.FilterWidth + filterX) * outputDepth, acc.Length);
                            if (multiplier == 1)
                            {
                                pixel = pixel.Slice(0, acc.Length);
                                for (int c = 0; c < acc.Length; c++) acc[c] += weights[c] * (pixel[c] + inputOffset);
                            }
                            else
                            {
                                for (int c = 0; c < acc.Length; c++) acc[c] += weights[c] * (pixel[c / multiplier] + inputOffset);
                            }
                        }
                    }
                    Span<sbyte> outputPixel = output.Slice(OutputOffset(g, b, outY, outX), acc.Length);
                    for (int c = 0; c < acc.Length; c++)
                    {
                        int value = acc[c];
                        if (!bias.IsEmpty) value += bias[c];
                        value = FixedPointMath.MultiplyByQuantizedMultiplier(value, multipliers[c], shifts[c]);
                        value += outputOffset;
                        outputPixel[c] = (sbyte)ActivationMath.Clamp(value, activationMin, activationMax);
                    }
                }
            }
        }
    }

    /// <summary>
    /// int16 × int8, int64 bias and accumulators (one per output channel, scratch), no zero points, int64
    /// requantization, clamp.
    /// </summary>
    public static void EvalInt16(in ConvolutionGeometry g, ReadOnlySpan<short> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<long> bias, Span<short> output, Span<long> accumulators,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int outputDepth = g.OutputDepth;
        int multiplier = g.DepthMultiplier;
        Span<long> acc = accumulators.Slice(0, outputDepth);
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                Conv2DMath.WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    Conv2DMath.WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    acc.Clear();
                    for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                    {
                        int inY = inYOrigin + g.DilationHeight * filterY;
                        for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                        {
                            int inX = inXOrigin + g.DilationWidth * filterX;
                            ReadOnlySpan<short> pixel = input.Slice(InputOffset(g, b, inY, inX), g.InputDepth);
                            ReadOnlySpan<sbyte> weights = filter.Slice((filterY * g.FilterWidth + filterX) * outputDepth, acc.Length);
                            for (int c = 0; c < acc.Length; c++) acc[c] += weights[c] * pixel[c / multiplier];
                        }
                    }
                    Span<short> outputPixel = output.Slice(OutputOffset(g, b, outY, outX), acc.Length);
                    for (int c = 0; c < acc.Length; c++)
                    {
                        long value = acc[c];
                        if (!bias.IsEmpty) value += bias[c];
                        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(value, multipliers[c], shifts[c]);
                        outputPixel[c] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
                    }
                }
            }
        }
    }

    private static int InputOffset(in ConvolutionGeometry g, int b, int y, int x) =>
        ((b * g.InputHeight + y) * g.InputWidth + x) * g.InputDepth;

    private static int OutputOffset(in ConvolutionGeometry g, int b, int y, int x) =>
        ((b * g.OutputHeight + y) * g.OutputWidth + x) * g.OutputDepth;
}
