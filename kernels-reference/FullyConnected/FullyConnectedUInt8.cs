using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FULLY_CONNECTED with legacy uint8 asymmetric quantization (TFLite's reference_ops::FullyConnected for uint8 in and
/// out): weights [output depth, accumulation depth] with their own zero point, int32 bias, per-tensor requantization.
/// </summary>
public static class FullyConnectedUInt8
{
    public static void Eval(ReadOnlySpan<byte> input, ReadOnlySpan<byte> filter, ReadOnlySpan<int> bias, Span<byte> output,
        int batches, int outputDepth, int accumulationDepth, in LegacyUInt8Parameters p)
    {
        for (int b = 0; b < batches; b++)
        {
            ReadOnlySpan<byte> row = input.Slice(b * accumulationDepth, accumulationDepth);
            for (int outChannel = 0; outChannel < outputDepth; outChannel++)
            {
                ReadOnlySpan<byte> weights = filter.Slice(outChannel * accumulationDepth, accumulationDepth);
                int acc = 0;
                for (int d = 0; d < accumulationDepth; d++)
                {
                    acc = unchecked(acc + (weights[d] + p.FilterOffset) * (row[d] + p.InputOffset));
                }
                if (!bias.IsEmpty) acc = unchecked(acc + bias[outChannel]);
                output[b * outputDepth + outChannel] = LegacyUInt8Quantization.Requantize(acc, in p);
            }
        }
    }
}
