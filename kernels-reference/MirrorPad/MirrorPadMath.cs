using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>MIRROR_PAD's index mapping (TFLM's GetInputDimension / GetFlatIndex in mirror_pad.cc).</summary>
public static unsafe class MirrorPadMath
{
    /// <summary>
    /// The input coordinate feeding output coordinate <paramref name="padded"/> of one dimension; offset 1 is REFLECT
    /// (mirror around the edge element), 0 SYMMETRIC (mirror including it). Indices beyond a mirrored copy clamp at
    /// the far edge, as TFLM's min() does.
    /// </summary>
    public static int InputIndex(int padded, int before, int size, int offset)
    {
        if (padded < before)
        {
            int mirror = before + offset - 1;
            int distance = padded < mirror - offset ? padded : mirror - offset;
            return mirror - distance;
        }
        padded -= before;
        if (padded >= size)
        {
            padded -= size;
            int mirror = size - (1 + offset);
            return mirror - (padded < mirror ? padded : mirror);
        }
        return padded;
    }

    public static void Pad<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output, ReadOnlySpan<int> outputShape,
        int* before, int offset) where T : unmanaged
    {
        int rank = inputShape.Length;
        int* counter = stackalloc int[ShapeChecks.MaxRank];
        int* inputStride = stackalloc int[ShapeChecks.MaxRank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            inputStride[d] = s;
            s *= inputShape[d];
            counter[d] = 0;
        }
        for (int i = 0; i < output.Length; i++)
        {
            int source = 0;
            for (int d = 0; d < rank; d++)
            {
                source += InputIndex(counter[d], before[d], inputShape[d], offset) * inputStride[d];
            }
            output[i] = input[source];
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++counter[d] < outputShape[d]) break;
                counter[d] = 0;
            }
        }
    }
}
