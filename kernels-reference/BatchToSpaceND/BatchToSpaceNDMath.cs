namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BATCH_TO_SPACE_ND on NHWC (3D tensors as width 1), as TFLM's reference/batch_to_space_nd.h: input batch b goes to
/// output batch b % N' at tile offset b / N' (row = / blockW, column = % blockW); cropped positions are skipped.
/// </summary>
public static unsafe class BatchToSpaceNDMath
{
    public static void BatchToSpace(byte* input, byte* output, int elementSize, int inputBatch, int inputHeight, int inputWidth, int depth,
        int outputBatch, int outputHeight, int outputWidth, int blockHeight, int blockWidth, int cropTop, int cropLeft)
    {
        int pixelBytes = depth * elementSize;
        for (int inB = 0; inB < inputBatch; inB++)
        {
            int outB = inB % outputBatch;
            int tile = inB / outputBatch;
            for (int inH = 0; inH < inputHeight; inH++)
            {
                int outH = inH * blockHeight + tile / blockWidth - cropTop;
                if (outH < 0 || outH >= outputHeight) continue;
                for (int inW = 0; inW < inputWidth; inW++)
                {
                    int outW = inW * blockWidth + tile % blockWidth - cropLeft;
                    if (outW < 0 || outW >= outputWidth) continue;
                    ShapeChecks.CopyBytes(input + ((((long)inB * inputHeight + inH) * inputWidth + inW) * pixelBytes),
                        output + ((((long)outB * outputHeight + outH) * outputWidth + outW) * pixelBytes), pixelBytes);
                }
            }
        }
    }
}
