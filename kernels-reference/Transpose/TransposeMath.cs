using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TRANSPOSE (TFLM's reference/transpose.h): output[i0..in] = input[index permuted back]. A pure copy.</summary>
public static class TransposeMath
{
    public const int MaxDimensions = TransposeOpData.MaxDimensions;

    /// <summary>
    /// Writes the output in row-major order; output dimension d walks input dimension
    /// <paramref name="permutation"/>[d]. <paramref name="inputShape"/> has the same rank as the permutation.
    /// </summary>
    public static void Transpose<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, ReadOnlySpan<int> permutation,
        Span<T> output) where T : unmanaged
    {
        int rank = permutation.Length;
        if (rank == 0)
        {
            if (!output.IsEmpty) output[0] = input[0];
            return;
        }
        Span<int> inputStride = stackalloc int[MaxDimensions];
        Span<int> walkStride = stackalloc int[MaxDimensions];
        Span<int> outputShape = stackalloc int[MaxDimensions];
        Span<int> counter = stackalloc int[MaxDimensions];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            inputStride[d] = stride;
            stride *= inputShape[d];
        }
        for (int d = 0; d < rank; d++)
        {
            outputShape[d] = inputShape[permutation[d]];
            walkStride[d] = inputStride[permutation[d]];
            counter[d] = 0;
        }
        int total = output.Length;
        int inner = rank - 1;
        int innerSize = outputShape[inner];
        int innerStride = walkStride[inner];
        int inputOffset = 0;
        int n = 0;
        while (n < total)
        {
            int offset = inputOffset;
            for (int i = 0; i < innerSize; i++, offset += innerStride) output[n++] = input[offset];
            // Advance the outer counters like an odometer.
            int d = inner - 1;
            while (d >= 0)
            {
                counter[d]++;
                inputOffset += walkStride[d];
                if (counter[d] < outputShape[d]) break;
                inputOffset -= walkStride[d] * outputShape[d];
                counter[d] = 0;
                d--;
            }
            if (d < 0) break;
        }
    }

    /// <summary>True when <paramref name="permutation"/> names every dimension below its length exactly once.</summary>
    public static bool IsPermutation(ReadOnlySpan<int> permutation)
    {
        int seen = 0;
        for (int i = 0; i < permutation.Length; i++)
        {
            int p = permutation[i];
            if (p < 0 || p >= permutation.Length || (seen & (1 << p)) != 0) return false;
            seen |= 1 << p;
        }
        return true;
    }
}
