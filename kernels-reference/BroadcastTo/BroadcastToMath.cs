using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>BROADCAST_TO's copy: output[i] = input[i with every size-1 (or missing leading) input dimension at 0].</summary>
public static unsafe class BroadcastToMath
{
    /// <summary>
    /// Broadcasts <paramref name="input"/> (shape <paramref name="inputShape"/>, right-aligned) to
    /// <paramref name="outputShape"/>. The caller has checked that the shapes are compatible.
    /// </summary>
    public static void Broadcast<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output, ReadOnlySpan<int> outputShape)
        where T : unmanaged
    {
        int rank = outputShape.Length;
        if (rank == 0 || output.Length == 0)
        {
            if (output.Length > 0) output[0] = input[0];
            return;
        }
        int extra = rank - inputShape.Length;
        // Input stride per output dimension; 0 where the input repeats.
        int* stride = stackalloc int[ShapeChecks.MaxRank];
        int* counter = stackalloc int[ShapeChecks.MaxRank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            int inputDim = d >= extra ? inputShape[d - extra] : 1;
            stride[d] = inputDim == 1 ? 0 : s;
            s *= inputDim;
            counter[d] = 0;
        }
        int inner = outputShape[rank - 1];
        for (int outputRow = 0; outputRow < output.Length; outputRow += inner)
        {
            int inputRow = 0;
            for (int d = 0; d < rank - 1; d++) inputRow += counter[d] * stride[d];
            if (stride[rank - 1] == 0)
            {
                output.Slice(outputRow, inner).Fill(input[inputRow]);
            }
            else
            {
                input.Slice(inputRow, inner).CopyTo(output.Slice(outputRow, inner));
            }
            for (int d = rank - 2; d >= 0; d--)
            {
                if (++counter[d] < outputShape[d]) break;
                counter[d] = 0;
            }
        }
    }
}
