using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TRANSPOSE_CONV arithmetic as TFLM's reference kernels do it (reference/transpose_conv.h and
/// reference/integer_ops/transpose_conv.h): every input element is scattered into the outputs it influences,
/// acc[b, y·s − p + fy, x·s − p + fx, o] += input[b, y, x, i] · filter[o, fy, fx, i] (positions outside the output
/// dropped), then bias, requantization and clamp per output element. The loops are ordered (y, x, fy, fx, o, i) so the
/// inner loop is contiguous; for any one output element the products still arrive in TFLM's order (y, x, i), because
/// a given (y, x) reaches it through exactly one (fy, fx), so float sums are bit-identical.
/// </summary>
public static class TransposeConvMath
{
    public static void EvalFloat(in ConvolutionGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filter,
        ReadOnlySpan<float> bias, Span<float> output, in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
        int outputDepth = g.OutputDepth;
        Span<float> accumulators = output.Slice(0, g.OutputElementCount);
        accumulators.Clear();
        ScatterFloat(in g, input, filter, accumulators);
        // The channel advances with a counter: a % per output would be a division helper call on 32-bit ARM.
        for (int index = 0, channel = 0; index < accumulators.Length; index++)
        {
            float acc = accumulators[index];
            if (!bias.IsEmpty) acc += bias[channel];
            accumulators[index] = ActivationMath.Clamp(acc, activationMin, activationMax);
            if (++channel == outputDepth) channel = 0;
        }
    }

    /// <summary>
    /// MediaPipe's Convolution2DTransposeBias (transpose_conv_bias.cc): each output starts at its channel's bias and the
    /// products are added onto it (TFLM's TRANSPOSE_CONV adds the bias last, which rounds differently); no activation.
    /// </summary>
    public static void EvalFloatBiasFirst(in ConvolutionGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filter,
        ReadOnlySpan<float> bias, Span<float> output)
    {
        Span<float> accumulators = output.Slice(0, g.OutputElementCount);
        for (int index = 0; index < accumulators.Length; index += bias.Length) bias.CopyTo(accumulators.Slice(index, bias.Length));
        ScatterFloat(in g, input, filter, accumulators);
    }

    /// <summary>accumulators[b, y·s − p + fy, x·s − p + fx, o] += Σ_i input[b, y, x, i] · filter[o, fy, fx, i], in TFLM's order.</summary>
    private static void ScatterFloat(in ConvolutionGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filter, Span<float> accumulators)
    {
        int inputDepth = g.InputDepth;
        int outputDepth = g.OutputDepth;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int inY = 0; inY < g.InputHeight; inY++)
            {
                int outYOrigin = inY * g.StrideHeight - g.PaddingHeight;
                for (int inX = 0; inX < g.InputWidth; inX++)
                {
                    int outXOrigin = inX * g.StrideWidth - g.PaddingWidth;
                    ReadOnlySpan<float> pixel = input.Slice(((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth, inputDepth);
                    for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                    {
                        int outY = outYOrigin + filterY;
                        if ((uint)outY >= (uint)g.OutputHeight) continue;
                        for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                        {
                            int outX = outXOrigin + filterX;
                            if ((uint)outX >= (uint)g.OutputWidth) continue;
                            Span<float> target = accumulators.Slice(((b * g.OutputHeight + outY) * g.OutputWidth + outX) * outputDepth, outputDepth);
                            for (int outChannel = 0; outChannel < target.Length; outChannel++)
                            {
                                ReadOnlySpan<float> weights = filter.Slice(FilterOffset(g, outChannel, filterY, filterX), pixel.Length);
                                float sum = target[outChannel];
                                for (int i = 0; i < pixel.Length; i++) sum += pixel[i] * weights[i];
                                target[outChannel] = sum;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// int8 per channel: int32 accumulators (in <paramref name="scratch"/>, one per output element) of
    /// (input + inputOffset) · filter, then + bias, requantize, + outputOffset, clamp.
    /// </summary>
    public static void EvalInt8(in ConvolutionGeometry g, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<int> bias, Span<sbyte> output, Span<int> scratch, int inputOffset, int outputOffset,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int inputDepth = g.InputDepth;
        int outputDepth = g.OutputDepth;
        Span<int> accumulators = scratch.Slice(0, g.OutputElementCount);
        accumulators.Clear();
        for (int b = 0; b < g.Batches; b++)
        {
            for (int inY = 0; inY < g.InputHeight; inY++)
            {
                int outYOrigin = inY * g.StrideHeight - g.PaddingHeight;
                for (int inX = 0; inX < g.InputWidth; inX++)
                {
                    int outXOrigin = inX * g.StrideWidth - g.PaddingWidth;
                    ReadOnlySpan<sbyte> pixel = input.Slice(((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth, inputDepth);
                    for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                    {
                        int outY = outYOrigin + filterY;
                        if ((uint)outY >= (uint)g.OutputHeight) continue;
                        for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                        {
                            int outX = outXOrigin + filterX;
                            if ((uint)outX >= (uint)g.OutputWidth) continue;
                            Span<int> target = accumulators.Slice(((b * g.OutputHeight + outY) * g.OutputWidth + outX) * outputDepth, outputDepth);
                            for (int outChannel = 0; outChannel < target.Length; outChannel++)
                            {
                                ReadOnlySpan<sbyte> weights = filter.Slice(FilterOffset(g, outChannel, filterY, filterX), pixel.Length);
                                int sum = 0;
                                for (int i = 0; i < pixel.Length; i++) sum += (pixel[i] + inputOffset) * weights[i];
                                target[outChannel] += sum;
                            }
                        }
                    }
                }
            }
        }
        // The channel advances with a counter (no division per output).
        for (int index = 0, channel = 0; index < accumulators.Length; index++, channel = channel + 1 == outputDepth ? 0 : channel + 1)
        {
            int acc = accumulators[index];
            if (!bias.IsEmpty) acc += bias[channel];
            acc = FixedPointMath.MultiplyByQuantizedMultiplier(acc, multipliers[channel], shifts[channel]);
            acc += outputOffset;
            output[index] = (sbyte)ActivationMath.Clamp(acc, activationMin, activationMax);
        }
    }

    /// <summary>
    /// int16 × int8: int64 accumulators of input · filter (no zero points), + bias (int64, or TFLM's legacy int16 bias
    /// widened), int64 requantization, clamp.
    /// </summary>
    public static void EvalInt16(in ConvolutionGeometry g, ReadOnlySpan<short> input, ReadOnlySpan<sbyte> filter,
        ReadOnlySpan<long> bias64, ReadOnlySpan<short> bias16, Span<short> output, Span<long> scratch,
        ReadOnlySpan<int> multipliers, ReadOnlySpan<int> shifts, int activationMin, int activationMax)
    {
        int inputDepth = g.InputDepth;
        int outputDepth = g.OutputDepth;
        Span<long> accumulators = scratch.Slice(0, g.OutputElementCount);
        accumulators.Clear();
        for (int b = 0; b < g.Batches; b++)
        {
            for (int inY = 0; inY < g.InputHeight; inY++)
            {
                int outYOrigin = inY * g.StrideHeight - g.PaddingHeight;
                for (int inX = 0; inX < g.InputWidth; inX++)
                {
                    int outXOrigin = inX * g.StrideWidth - g.PaddingWidth;
                    ReadOnlySpan<short> pixel = input.Slice(((b * g.InputHeight + inY) * g.InputWidth + inX) * inputDepth, inputDepth);
                    for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                    {
                        int outY = outYOrigin + filterY;
                        if ((uint)outY >= (uint)g.OutputHeight) continue;
                        for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                        {
                            int outX = outXOrigin + filterX;
                            if ((uint)outX >= (uint)g.OutputWidth) continue;
                            Span<long> target = accumulators.Slice(((b * g.OutputHeight + outY) * g.OutputWidth + outX) * outputDepth, outputDepth);
                            for (int outChannel = 0; outChannel < target.Length; outChannel++)
                            {
                                ReadOnlySpan<sbyte> weights = filter.Slice(FilterOffset(g, outChannel, filterY, filterX), pixel.Length);
                                long sum = 0;
                                for (int i = 0; i < pixel.Length; i++) sum += pixel[i] * weights[i];
                                target[outChannel] += sum;
                            }
                        }
                    }
                }
            }
        }
        // The channel advances with a counter (no division per output).
        for (int index = 0, channel = 0; index < accumulators.Length; index++, channel = channel + 1 == outputDepth ? 0 : channel + 1)
        {
            long acc = accumulators[index];
            if (!bias64.IsEmpty) acc += bias64[channel];
            else if (!bias16.IsEmpty) acc += bias16[channel];
            int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(acc, multipliers[channel], shifts[channel]);
            output[index] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
        }
    }

    /// <summary>Offset of filter[o, fy, fx, 0] in the OHWI filter.</summary>
    private static int FilterOffset(in ConvolutionGeometry g, int outChannel, int filterY, int filterX) =>
        ((outChannel * g.FilterHeight + filterY) * g.FilterWidth + filterX) * g.InputDepth;
}
