namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>C# twin of <c>tflm_cmsisnn_vector_matrix_s8_s16</c> (<see cref="Microkernels.VectorMatrixS8S16"/>).</summary>
internal static unsafe class VectorMatrixS8S16Twin
{
    public static void Run(GemmParameters* gemm, short* vector, sbyte* output)
    {
        int depth = gemm->Depth;
        int groups = depth >> 2;
        int tail = depth & 3;
        sbyte* weights = gemm->Weights;
        for (int row = 0; row < gemm->Rows; row++)
        {
            int acc = gemm->Bias != null ? gemm->Bias[row] : 0;
            short* x = vector;
            for (int g = 0; g < groups; g++, weights += 4, x += 4)
            {
                acc = unchecked(acc + weights[0] * x[0] + weights[2] * x[1] + weights[1] * x[2] + weights[3] * x[3]);
            }
            if (tail > 0) acc = unchecked(acc + weights[0] * x[0]);
            if (tail > 1) acc = unchecked(acc + weights[1] * x[2]);
            if (tail > 2) acc = unchecked(acc + weights[2] * x[1]);
            weights += tail;
            int quant = row * gemm->QuantStep;
            output[row] = Requantization.ToInt8(acc, gemm->Multiplier[quant], gemm->Shift[quant],
                gemm->OutputOffset, gemm->ActivationMin, gemm->ActivationMax);
        }
    }
}
