using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONV_2D with legacy uint8 asymmetric quantization (TFLite's reference_ops::Conv for uint8; TFLM has none): per-tensor
/// scales and zero points on input, filter [O, H, W, I] and output, int32 bias; grouped filters, strides, dilations
/// and padding as for the other types.
/// </summary>
public static class Conv2DUInt8
{
    public static void Eval(in ConvolutionGeometry g, ReadOnlySpan<byte> input, ReadOnlySpan<byte> filter, ReadOnlySpan<int> bias,
        Span<byte> output, in LegacyUInt8Parameters p)
    {
        int groups = g.InputDepth / g.FilterInputDepth;
        int filtersPerGroup = g.OutputDepth / groups;
        int o = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    // The group's first input channel (outChannel / filtersPerGroup · depth) advances with a counter.
                    for (int outChannel = 0, groupStart = 0, k = 0; outChannel < g.OutputDepth; outChannel++, o++)
                    {
                        if (k == filtersPerGroup)
                        {
                            k = 0;
                            groupStart += g.FilterInputDepth;
                        }
                        k++;
                        int acc = 0;
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                int inputBase = ((b * g.InputHeight + inY) * g.InputWidth + inX) * g.InputDepth + groupStart;
                                int filterBase = ((outChannel * g.FilterHeight + filterY) * g.FilterWidth + filterX) * g.FilterInputDepth;
                                for (int i = 0; i < g.FilterInputDepth; i++)
                                {
                                    acc = unchecked(acc + (filter[filterBase + i] + p.FilterOffset) * (input[inputBase + i] + p.InputOffset));
                                }
                            }
                        }
                        if (!bias.IsEmpty) acc = unchecked(acc + bias[outChannel]);
                        output[o] = LegacyUInt8Quantization.Requantize(acc, in p);
                    }
                }
            }
        }
    }
}
