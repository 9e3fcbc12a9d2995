namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>C# twin of <c>tflm_cmsisnn_conv_block_s8_s16</c> (<see cref="Microkernels.ConvBlockS8S16"/>).</summary>
internal static unsafe class ConvBlockS8S16Twin
{
    public static void Run(GemmParameters* gemm, short* columns, sbyte* output, int columnCount)
    {
        int depth = gemm->Depth;
        int groups = (depth + 3) >> 2;
        sbyte* weights = gemm->Weights;
        int* acc = stackalloc int[Microkernels.Columns];
        for (int row = 0; row < gemm->Rows; row++, weights += depth)
        {
            int bias = gemm->Bias != null ? gemm->Bias[row] : 0;
            for (int j = 0; j < Microkernels.Columns; j++) acc[j] = bias;
            for (int g = 0; g < groups; g++)
            {
                int k = g * 4;
                // Weights past the row's end meet the columns' zero padding: read them as 0.
                int w0 = weights[k];
                int w1 = k + 1 < depth ? weights[k + 1] : 0;
                int w2 = k + 2 < depth ? weights[k + 2] : 0;
                int w3 = k + 3 < depth ? weights[k + 3] : 0;
                short* column = columns + g * 16;
                for (int j = 0; j < Microkernels.Columns; j++, column += 4)
                {
                    acc[j] = unchecked(acc[j] + w0 * column[0] + w2 * column[1] + w1 * column[2] + w3 * column[3]);
                }
            }
            int quant = row * gemm->QuantStep;
            for (int j = 0; j < columnCount; j++)
            {
                output[j * gemm->OutputStride + row] = Requantization.ToInt8(acc[j], gemm->Multiplier[quant], gemm->Shift[quant],
                    gemm->OutputOffset, gemm->ActivationMin, gemm->ActivationMax);
            }
        }
    }
}
