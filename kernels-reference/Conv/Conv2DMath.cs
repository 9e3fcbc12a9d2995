using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONV_2D arithmetic as TFLM's reference kernels do it (reference/conv.h and reference/integer_ops/conv.h), NHWC
/// input, OHWI filter: output[b, y, x, o] = act(Σ_{fy, fx, i} input[b, y·s − p + fy·d, x·s − p + fx·d, g·I + i] ·
/// filter[o, fy, fx, i] + bias[o]), where g is the group of output channel o and I the filter's input depth.
/// Positions outside the input are skipped (zero padding). The float sum runs in TFLM's order (fy, fx, i) so results
/// match bit for bit; integer sums wrap like the C++ accumulators, so their order does not matter.
/// Speed-ups that keep those sums: the in-image filter window is computed once per output pixel instead of testing
/// every tap, and when a filter row is contiguous in the input (no width dilation, one group) the taps of a row are
/// one dot product (same (fx, i) order).
/// </summary>
public static class Conv2DMath
{
    /// <summary>float32: sum in (fy, fx, i) order, then add the bias, then clamp.</summary>
    public static void EvalFloat(in ConvolutionGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filter,
        ReadOnlySpan<float> bias, Span<float> output, in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
        int depth = g.FilterInputDepth;
        int filtersPerGroup = FiltersPerGroup(g);
        int filterSize = g.FilterHeight * g.FilterWidth * depth;
        bool rowsContiguous = RowsContiguous(g);
        int outputIndex = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    int rowLength = (filterXEnd - filterXStart) * depth;
                    // An output pixel whose window misses the input entirely (possible when the output tensor is larger
                    // than TFLM's computed size) takes the per-tap path, which then has no taps.
                    bool mergeRow = rowsContiguous && rowLength > 0;
                    // The group's first input channel, advanced after each group's filters (no division per channel).
                    int channelBase = 0;
                    int filterInGroup = 0;
                    for (int outChannel = 0; outChannel < g.OutputDepth; outChannel++)
                    {
                        ReadOnlySpan<float> channelFilter = filter.Slice(outChannel * filterSize, filterSize);
                        float total = 0f;
                        for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            int filterRow = filterY * g.FilterWidth;
                            if (mergeRow)
                            {
                                total = Dot(total, input.Slice(InputOffset(g, b, inY, inXOrigin + filterXStart), rowLength),
                                    channelFilter.Slice((filterRow + filterXStart) * depth, rowLength));
                                continue;
                            }
                            for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                total = Dot(total, input.Slice(InputOffset(g, b, inY, inX) + channelBase, depth),
                                    channelFilter.Slice((filterRow + filterX) * depth, depth));
                            }
                        }
                        float biasValue = bias.IsEmpty ? 0f : bias[outChannel];
                        output[outputIndex++] = ActivationMath.Clamp(total + biasValue, activationMin, activationMax);
                        if (++filterInGroup == filtersPerGroup)
                        {
                            filterInGroup = 0;
                            channelBase += depth;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// int8 × int8 per channel, int32 bias and accumulator: acc = Σ filter · (input + inputOffset) + bias, then
    /// requantized per output channel, offset and clamped. (TFLM ignores the filter zero point: weights are symmetric.)
    /// </summary>
    /// <remarks>
    /// The hot loop of most int8 models, so it walks pointers (the spans are sliced to the lengths read first, which
    /// checks them once): per output pixel the part of the window inside the input is described once
    /// (<see cref="Int8Window"/>), then the output channels are summed four at a time (<see cref="Int8Window.SumFour"/>;
    /// a pair and an odd channel left over take <see cref="Int8Window.SumTwo"/>) and requantized. Channels are visited group by group, so none needs a division to find its group.
    /// </remarks>
    public static unsafe void EvalInt8(in ConvolutionGeometry g, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<int> bias, Span<sbyte> output, int inputOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int depth = g.FilterInputDepth;
        int groups = g.InputDepth / depth;
        int filtersPerGroup = g.OutputDepth / groups;
        int filterSize = g.FilterHeight * g.FilterWidth * depth;
        int inputRowStride = g.InputWidth * g.InputDepth;
        bool rowsContiguous = RowsContiguous(g);
        input = input.Slice(0, g.Batches * g.InputHeight * inputRowStride);
        filter = filter.Slice(0, g.OutputDepth * filterSize);
        output = output.Slice(0, g.OutputElementCount);
        multipliers = multipliers.Slice(0, g.OutputDepth);
        shifts = shifts.Slice(0, g.OutputDepth);
        if (!bias.IsEmpty) bias = bias.Slice(0, g.OutputDepth);
        Int8Requantization rq = new Int8Requantization(outputOffset, activationMin, activationMax);
        Int8Window window = default;
        window.InputOffset = inputOffset;
        window.InputRowStep = g.DilationHeight * inputRowStride;
        window.FilterRowStep = g.FilterWidth * depth;
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
            sbyte* outputPointer = outputStart;
            for (int b = 0; b < g.Batches; b++)
            {
                sbyte* batchInput = inputStart + b * g.InputHeight * inputRowStride;
                for (int outY = 0; outY < g.OutputHeight; outY++)
                {
                    int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                    WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                    window.Rows = filterYEnd - filterYStart;
                    for (int outX = 0; outX < g.OutputWidth; outX++)
                    {
                        int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                        WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                        int taps = filterXEnd - filterXStart;
                        // A row whose taps are contiguous in the input is one run of taps · depth values. (An output
                        // pixel whose window misses the input has no taps: possible when the output tensor is larger
                        // than TFLM's computed size.)
                        if (rowsContiguous)
                        {
                            window.Runs = taps > 0 ? 1 : 0;
                            window.RunLength = taps * depth;
                        }
                        else
                        {
                            window.Runs = taps;
                            window.RunLength = depth;
                            window.InputRunStep = g.DilationWidth * g.InputDepth;
                            window.FilterRunStep = depth;
                        }
                        // The input at the window's first tap inside the image, and the filter offset of that tap.
                        sbyte* windowInput = batchInput + (inYOrigin + filterYStart * g.DilationHeight) * inputRowStride
                            + (inXOrigin + filterXStart * g.DilationWidth) * g.InputDepth;
                        sbyte* windowFilter = filterStart + (filterYStart * g.FilterWidth + filterXStart) * depth;
                        int outChannel = 0;
                        for (int group = 0; group < groups; group++)
                        {
                            sbyte* groupInput = windowInput + group * depth;
                            // Four output channels per pass over the window (each input value loaded once for all
                            // four), then a pair, then an odd last channel.
                            int k = 0;
                            for (; k <= filtersPerGroup - 4; k += 4, outChannel += 4)
                            {
                                window.SumFour(groupInput, windowFilter + outChannel * filterSize, filterSize,
                                    out int acc0, out int acc1, out int acc2, out int acc3);
                                outputPointer[0] = rq.Apply(acc0, outChannel);
                                outputPointer[1] = rq.Apply(acc1, outChannel + 1);
                                outputPointer[2] = rq.Apply(acc2, outChannel + 2);
                                outputPointer[3] = rq.Apply(acc3, outChannel + 3);
                                outputPointer += 4;
                            }
                            if (k <= filtersPerGroup - 2)
                            {
                                sbyte* channelFilter = windowFilter + outChannel * filterSize;
                                window.SumTwo(groupInput, channelFilter, channelFilter + filterSize, out int acc0, out int acc1);
                                outputPointer[0] = rq.Apply(acc0, outChannel);
                                outputPointer[1] = rq.Apply(acc1, outChannel + 1);
                                outputPointer += 2;
                                k += 2;
                                outChannel += 2;
                            }
                            if (k < filtersPerGroup)
                            {
                                // An odd last channel is paired with itself (no second loop to keep); its twin sum is dropped.
                                sbyte* channelFilter = windowFilter + outChannel * filterSize;
                                window.SumTwo(groupInput, channelFilter, channelFilter, out int acc, out _);
                                *outputPointer++ = rq.Apply(acc, outChannel);
                                outChannel++;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// int16 × int8 with an int64 bias (TFLM's ConvPerChannel&lt;int64_t&gt;): int64 accumulator of filter · input (zero
    /// points are not applied: 16x8 tensors are symmetric), int64 requantization, clamp; no output offset.
    /// </summary>
    public static void EvalInt16(in ConvolutionGeometry g, ReadOnlySpan<short> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<long> bias, Span<short> output,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int depth = g.FilterInputDepth;
        int filtersPerGroup = FiltersPerGroup(g);
        int filterSize = g.FilterHeight * g.FilterWidth * depth;
        bool rowsContiguous = RowsContiguous(g);
        int outputIndex = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    int rowLength = (filterXEnd - filterXStart) * depth;
                    // An output pixel whose window misses the input entirely (possible when the output tensor is larger
                    // than TFLM's computed size) takes the per-tap path, which then has no taps.
                    bool mergeRow = rowsContiguous && rowLength > 0;
                    // The group's first input channel, advanced after each group's filters (no division per channel).
                    int channelBase = 0;
                    int filterInGroup = 0;
                    for (int outChannel = 0; outChannel < g.OutputDepth; outChannel++)
                    {
                        ReadOnlySpan<sbyte> channelFilter = filter.Slice(outChannel * filterSize, filterSize);
                        long acc = 0;
                        for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            int filterRow = filterY * g.FilterWidth;
                            if (mergeRow)
                            {
                                acc += Dot64(input.Slice(InputOffset(g, b, inY, inXOrigin + filterXStart), rowLength),
                                    channelFilter.Slice((filterRow + filterXStart) * depth, rowLength));
                                continue;
                            }
                            for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                acc += Dot64(input.Slice(InputOffset(g, b, inY, inX) + channelBase, depth),
                                    channelFilter.Slice((filterRow + filterX) * depth, depth));
                            }
                        }
                        if (!bias.IsEmpty) acc += bias[outChannel];
                        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(acc, multipliers[outChannel], shifts[outChannel]);
                        output[outputIndex++] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
                        if (++filterInGroup == filtersPerGroup)
                        {
                            filterInGroup = 0;
                            channelBase += depth;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// int16 × int8 with an int32 bias or none (TFLM's ConvPerChannel&lt;int32_t&gt;): the accumulator is int32 and wraps
    /// on overflow as the C++ does in practice, and requantization uses the int32 (gemmlowp) path.
    /// </summary>
    public static void EvalInt16WithInt32Accumulator(in ConvolutionGeometry g, ReadOnlySpan<short> input,
        ReadOnlySpan<sbyte> filter, ReadOnlySpan<int> bias, Span<short> output,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int depth = g.FilterInputDepth;
        int filtersPerGroup = FiltersPerGroup(g);
        int filterSize = g.FilterHeight * g.FilterWidth * depth;
        bool rowsContiguous = RowsContiguous(g);
        int outputIndex = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                WindowRange(inYOrigin, g.DilationHeight, g.FilterHeight, g.InputHeight, out int filterYStart, out int filterYEnd);
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    WindowRange(inXOrigin, g.DilationWidth, g.FilterWidth, g.InputWidth, out int filterXStart, out int filterXEnd);
                    int rowLength = (filterXEnd - filterXStart) * depth;
                    // An output pixel whose window misses the input entirely (possible when the output tensor is larger
                    // than TFLM's computed size) takes the per-tap path, which then has no taps.
                    bool mergeRow = rowsContiguous && rowLength > 0;
                    // The group's first input channel, advanced after each group's filters (no division per channel).
                    int channelBase = 0;
                    int filterInGroup = 0;
                    for (int outChannel = 0; outChannel < g.OutputDepth; outChannel++)
                    {
                        ReadOnlySpan<sbyte> channelFilter = filter.Slice(outChannel * filterSize, filterSize);
                        int acc = 0;
                        for (int filterY = filterYStart; filterY < filterYEnd; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            int filterRow = filterY * g.FilterWidth;
                            if (mergeRow)
                            {
                                acc = unchecked(acc + Dot32(input.Slice(InputOffset(g, b, inY, inXOrigin + filterXStart), rowLength),
                                    channelFilter.Slice((filterRow + filterXStart) * depth, rowLength)));
                                continue;
                            }
                            for (int filterX = filterXStart; filterX < filterXEnd; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                acc = unchecked(acc + Dot32(input.Slice(InputOffset(g, b, inY, inX) + channelBase, depth),
                                    channelFilter.Slice((filterRow + filterX) * depth, depth)));
                            }
                        }
                        if (!bias.IsEmpty) acc = unchecked(acc + bias[outChannel]);
                        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(acc, multipliers[outChannel], shifts[outChannel]);
                        output[outputIndex++] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
                        if (++filterInGroup == filtersPerGroup)
                        {
                            filterInGroup = 0;
                            channelBase += depth;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The filter taps [start, end) whose input position origin + dilation · tap lies inside [0, size) — the taps TFLM's
    /// "is_point_inside_image" test keeps.
    /// </summary>
    public static void WindowRange(int origin, int dilation, int filterSize, int inputSize, out int start, out int end)
    {
        int remaining = inputSize - origin;
        if (dilation == 1)
        {
            // The common case without the two divisions (helper calls on 32-bit ARM, once per output pixel).
            start = origin >= 0 ? 0 : -origin;
            end = remaining <= 0 ? 0 : remaining;
        }
        else
        {
            start = origin >= 0 ? 0 : (dilation - 1 - origin) / dilation;
            end = remaining <= 0 ? 0 : (remaining + dilation - 1) / dilation;
        }
        if (end > filterSize) end = filterSize;
        if (end < start) end = start;
    }

    /// <summary>Output channels per group: output depth / (input depth / filter input depth).</summary>
    private static int FiltersPerGroup(in ConvolutionGeometry g) => g.OutputDepth / (g.InputDepth / g.FilterInputDepth);

    /// <summary>The taps of one filter row sit next to each other in the input: no width dilation and a single group.</summary>
    private static bool RowsContiguous(in ConvolutionGeometry g) => g.DilationWidth == 1 && g.FilterInputDepth == g.InputDepth;

    private static int InputOffset(in ConvolutionGeometry g, int b, int y, int x) =>
        ((b * g.InputHeight + y) * g.InputWidth + x) * g.InputDepth;

    /// <summary>total + Σ a[i]·b[i], added one product at a time in order (TFLM's float rounding sequence).</summary>
    private static float Dot(float total, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        b = b.Slice(0, a.Length);
        for (int i = 0; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static long Dot64(ReadOnlySpan<short> pixel, ReadOnlySpan<sbyte> weights)
    {
        long sum = 0;
        weights = weights.Slice(0, pixel.Length);
        for (int i = 0; i < pixel.Length; i++) sum += weights[i] * pixel[i];
        return sum;
    }

    private static int Dot32(ReadOnlySpan<short> pixel, ReadOnlySpan<sbyte> weights)
    {
        int sum = 0;
        weights = weights.Slice(0, pixel.Length);
        for (int i = 0; i < pixel.Length; i++) sum = unchecked(sum + weights[i] * pixel[i]);
        return sum;
    }
}
