using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEPTHWISE_CONV_2D with legacy uint8 asymmetric quantization (TFLite's reference_ops::DepthwiseConv for uint8, its
/// "kUpward" basic kernel, whose rounding is MultiplyByQuantizedMultiplier): filter [1, H, W, O], output channel
/// o = i·multiplier + m reads input channel i; per-tensor scales and zero points, int32 bias.
/// </summary>
public static class DepthwiseConv2DUInt8
{
    public static void Eval(in ConvolutionGeometry g, ReadOnlySpan<byte> input, ReadOnlySpan<byte> filter, ReadOnlySpan<int> bias,
        Span<byte> output, in LegacyUInt8Parameters p)
    {
        int o = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
                    // The input channel (outChannel / multiplier) advances with a counter, not a division per output.
                    for (int outChannel = 0, inChannel = 0, m = 0; outChannel < g.OutputDepth; outChannel++, o++)
                    {
                        if (m == g.DepthMultiplier)
                        {
                            m = 0;
                            inChannel++;
                        }
                        m++;
                        int acc = 0;
                        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
                        {
                            int inY = inYOrigin + g.DilationHeight * filterY;
                            if ((uint)inY >= (uint)g.InputHeight) continue;
                            for (int filterX = 0; filterX < g.FilterWidth; filterX++)
                            {
                                int inX = inXOrigin + g.DilationWidth * filterX;
                                if ((uint)inX >= (uint)g.InputWidth) continue;
                                int inputValue = input[((b * g.InputHeight + inY) * g.InputWidth + inX) * g.InputDepth + inChannel];
                                int filterValue = filter[(filterY * g.FilterWidth + filterX) * g.OutputDepth + outChannel];
                                acc = unchecked(acc + (filterValue + p.FilterOffset) * (inputValue + p.InputOffset));
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
