namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SPACE_TO_BATCH_ND on NHWC (3D tensors as width 1), as TFLM's reference/space_to_batch_nd.h: output batch b takes
/// input batch b % N at tile offset (b / N) split as (row = / blockW, column = % blockW); positions that fall in the
/// padding get zero bytes.
/// </summary>
public static unsafe class SpaceToBatchNDMath
{
    public static void SpaceToBatch(byte* input, byte* output, int elementSize, int inputBatch, int inputHeight, int inputWidth, int depth,
        int outputBatch, int outputHeight, int outputWidth, int blockHeight, int blockWidth, int padTop, int padLeft)
    {
        int pixelBytes = depth * elementSize;
        for (int outB = 0; outB < outputBatch; outB++)
        {
            int inB = outB % inputBatch;
            int tile = outB / inputBatch;
            int shiftW = tile % blockWidth;
            int shiftH = tile / blockWidth;
            for (int outH = 0; outH < outputHeight; outH++)
            {
                int inH = outH * blockHeight + shiftH - padTop;
                for (int outW = 0; outW < outputWidth; outW++)
                {
                    int inW = outW * blockWidth + shiftW - padLeft;
                    byte* destination = output + ((((long)outB * outputHeight + outH) * outputWidth + outW) * pixelBytes);
                    if (inH < 0 || inH >= inputHeight || inW < 0 || inW >= inputWidth)
                    {
                        new System.Span<byte>(destination, pixelBytes).Clear();
                    }
                    else
                    {
                        ShapeChecks.CopyBytes(input + ((((long)inB * inputHeight + inH) * inputWidth + inW) * pixelBytes), destination, pixelBytes);
                    }
                }
            }
        }
    }
}
