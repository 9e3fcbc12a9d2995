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
        ReadOnlySpan<float> bias, Span<float> output, in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
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
                                // Output channel c reads input channel c / multiplier: nested loops instead of the division.
                                for (int c = 0, i = 0; i < g.InputDepth; i++)
                                {
                                    float value = pixel[i];
                                    for (int m = 0; m < multiplier; m++, c++) totals[c] += value * weights[c];
                                }
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
    /// int8 per channel, int32 bias and accumulator: Σ filter · (input + inputOffset), + bias, requantized,
    /// + outputOffset, clamped.
    /// </summary>
    /// <remarks>
    /// Shaped for ilc's ARM32 code generator: pointers into spans sliced to the lengths read (checked once); per output
    /// pixel the window inside the input is described once (<see cref="Int8DepthwiseWindow"/>) and the channels are
    /// summed four at a time, so each window tap costs one pointer step for four multiply-adds: four neighbouring
    /// channels with a depth multiplier of 1, four outputs of one input channel (sharing its value) with a multiplier
    /// of 4 or more. The channels left over go one at a time; input channels are walked in order, no division.
    /// </remarks>
    public static unsafe void EvalInt8(in ConvolutionGeometry g, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<int> bias, Span<sbyte> output, int inputOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int outputDepth = g.OutputDepth;
        int inputDepth = g.InputDepth;
        int multiplier = g.DepthMultiplier;
        int inputRowStride = g.InputWidth * inputDepth;
        int inputRowStep = g.DilationHeight * inputRowStride;
        int tapStride = g.DilationWidth * inputDepth;
        int filterRowStride = g.FilterWidth * outputDepth;
        input = input.Slice(0, g.Batches * g.InputHeight * inputRowStride);
        filter = filter.Slice(0, g.FilterHeight * filterRowStride);
        output = output.Slice(0, g.OutputElementCount);
        multipliers = multipliers.Slice(0, outputDepth);
        shifts = shifts.Slice(0, outputDepth);
        if (!bias.IsEmpty) bias = bias.Slice(0, outputDepth);
        Int8Requantization rq = new Int8Requantization(outputOffset, activationMin, activationMax);
        int* blockSums = stackalloc int[4];
        Int8DepthwiseWindow window = default;
        window.InputRowStep = inputRowStep;
        window.FilterRowStep = filterRowStride;
        window.InputTapStep = tapStride;
        window.FilterTapStep = outputDepth;
        window.InputOffset = inputOffset;
        fixed (sbyte* inputStart = input)
        fixed (sbyte* filterStart = filter)
        fixed (sbyte* outputStart = output)
        fixed (int* biasStart = bias)
        fixed (int* multiplierStart = multipliers)
        fixed (int* shiftStart = shifts)
        {
            rq.Bias = biasStart;
            rq.Multipliers = multiplierStart;
            rq.Shifts = shiftStart;
            sbyte* outputPixel = outputStart;
            for (int b = 0; b < g.Batches; b++)
            {
                sbyte* batchInput = inputStart + b * g.InputHeight * inputRowStride;
                for (int outY = 0; outY < g.OutputHeight; outY++)
                {
                    int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                    Conv2DMath.WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                    for (int outX = 0; outX < g.OutputWidth; outX++, outputPixel += outputDepth)
                    {
                        int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                        Conv2DMath.WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                        // Channel 0 of the first window tap inside the input, and its filter taps.
                        sbyte* windowInput = batchInput + (inYOrigin + filterYStart * g.DilationHeight) * inputRowStride
                            + (inXOrigin + filterXStart * g.DilationWidth) * inputDepth;
                        sbyte* windowFilter = filterStart + filterYStart * filterRowStride + filterXStart * outputDepth;
                        window.Rows = filterYEnd - filterYStart;
                        window.Taps = filterXEnd - filterXStart;
                        int c = 0;
                        if (multiplier == 1)
                        {
                            for (; c <= outputDepth - 4; c += 4)
                            {
                                // Requantized in a loop once the four sums are stored: one copy of the code, its values
                                // in registers.
                                window.SumFourChannels(windowInput + c, windowFilter + c, blockSums);
                                for (int j = 0; j < 4; j++) outputPixel[c + j] = rq.Apply(blockSums[j], c + j);
                            }
                            for (; c < outputDepth; c++) outputPixel[c] = rq.Apply(window.SumOne(windowInput + c, windowFilter + c), c);
                        }
                        else
                        {
                            // Output channels c·multiplier .. c·multiplier + multiplier − 1 read input channel c: four of
                            // them at a time share each input value's load and offset, the rest one at a time.
                            for (int inputChannel = 0; inputChannel < inputDepth; inputChannel++)
                            {
                                int groupEnd = c + multiplier;
                                for (; c <= groupEnd - 4; c += 4)
                                {
                                    window.SumFourSharedInput(windowInput + inputChannel, windowFilter + c, blockSums);
                                    for (int j = 0; j < 4; j++) outputPixel[c + j] = rq.Apply(blockSums[j], c + j);
                                }
                                for (; c < groupEnd; c++)
                                    outputPixel[c] = rq.Apply(window.SumOne(windowInput + inputChannel, windowFilter + c), c);
                            }
                        }
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
                            // Output channel c reads input channel c / multiplier: nested loops instead of the division.
                            for (int c = 0, i = 0; i < g.InputDepth; i++)
                            {
                                int value = pixel[i];
                                for (int m = 0; m < multiplier; m++, c++) acc[c] += weights[c] * value;
                            }
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
