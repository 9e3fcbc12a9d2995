using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>L2 pooling over NHWC float tensors as TFLM's reference/pooling.h <c>L2Pool</c> computes it.</summary>
public static class L2Pool2DMath
{
    /// <summary>
    /// For each output pixel and channel: the window clipped to the input, Σ x² in window order (rows, then
    /// columns), sqrtf(sum / count), clamped to the activation range. A window that covers no input gives
    /// sqrt(0 / 0) = NaN, as in TFLM.
    /// </summary>
    public static void EvalFloat(in L2Pool2DOpData p, ReadOnlySpan<int> inputShape, ReadOnlySpan<int> outputShape,
        ReadOnlySpan<float> input, Span<float> output)
    {
        int batches = inputShape[0], inputHeight = inputShape[1], inputWidth = inputShape[2], depth = inputShape[3];
        int outputHeight = outputShape[1], outputWidth = outputShape[2];
        for (int b = 0; b < batches; b++)
        for (int oy = 0; oy < outputHeight; oy++)
        {
            int originY = oy * p.StrideHeight - p.PaddingHeight;
            int startY = originY < 0 ? -originY : 0;
            int endY = p.FilterHeight < inputHeight - originY ? p.FilterHeight : inputHeight - originY;
            for (int ox = 0; ox < outputWidth; ox++)
            {
                int originX = ox * p.StrideWidth - p.PaddingWidth;
                int startX = originX < 0 ? -originX : 0;
                int endX = p.FilterWidth < inputWidth - originX ? p.FilterWidth : inputWidth - originX;
                int outputBase = ((b * outputHeight + oy) * outputWidth + ox) * depth;
                for (int c = 0; c < depth; c++)
                {
                    float sumOfSquares = 0f;
                    int count = 0;
                    for (int fy = startY; fy < endY; fy++)
                    {
                        for (int fx = startX; fx < endX; fx++)
                        {
                            float value = input[((b * inputHeight + originY + fy) * inputWidth + originX + fx) * depth + c];
                            sumOfSquares += value * value;
                            count++;
                        }
                    }
                    float result = MathF.Sqrt(sumOfSquares / count);
                    output[outputBase + c] = ActivationMath.Clamp(result, p.ActivationMin, p.ActivationMax);
                }
            }
        }
    }
}
