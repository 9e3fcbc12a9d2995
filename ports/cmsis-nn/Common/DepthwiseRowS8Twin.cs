namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>C# twin of <c>tflm_cmsisnn_depthwise_row_s8</c> (<see cref="Microkernels.DepthwiseRowS8"/>).</summary>
internal static unsafe class DepthwiseRowS8Twin
{
    public static void Run(DepthwiseParameters* dw, sbyte* input, int firstFilterRow, int filterRows, sbyte* output)
    {
        int channels = dw->Channels;
        int inputChannels = channels / dw->DepthMultiplier;
        sbyte* weights = dw->Weights + firstFilterRow * dw->FilterWidth * channels;
        for (int x = 0; x < dw->OutputWidth; x++)
        {
            int xOrigin = x * dw->StrideWidth - dw->PaddingWidth;
            for (int c = 0; c < channels; c++)
            {
                int acc = dw->Bias != null ? dw->Bias[c] : 0;
                for (int r = 0; r < filterRows; r++)
                {
                    sbyte* row = input + r * dw->FilterRowStride;
                    sbyte* w = weights + r * dw->FilterWidth * channels;
                    for (int fx = 0; fx < dw->FilterWidth; fx++)
                    {
                        int ix = xOrigin + fx * dw->DilationWidth;
                        if (ix < 0 || ix >= dw->InputWidth) continue;
                        acc = unchecked(acc + (row[ix * inputChannels + c / dw->DepthMultiplier] + dw->InputOffset) * w[fx * channels + c]);
                    }
                }
                output[x * channels + c] = Requantization.ToInt8(acc, dw->Multiplier[c], dw->Shift[c],
                    dw->OutputOffset, dw->ActivationMin, dw->ActivationMax);
            }
        }
    }
}
