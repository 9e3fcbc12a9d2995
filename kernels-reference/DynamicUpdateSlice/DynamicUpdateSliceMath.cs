using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>DYNAMIC_UPDATE_SLICE: writes a dense box into a larger tensor, row by row along the last dimension.</summary>
public static unsafe class DynamicUpdateSliceMath
{
    public static void WriteBox(byte* update, ReadOnlySpan<int> updateShape, byte* output, ReadOnlySpan<int> outputShape, int* starts,
        int elementSize)
    {
        int rank = outputShape.Length;
        long* stride = stackalloc long[ShapeChecks.MaxRank];
        int* counter = stackalloc int[ShapeChecks.MaxRank];
        long s = elementSize;
        for (int d = rank - 1; d >= 0; d--)
        {
            stride[d] = s;
            s *= outputShape[d];
            counter[d] = 0;
        }
        int rowBytes = updateShape[rank - 1] * elementSize;
        long rows = 1;
        for (int d = 0; d < rank - 1; d++) rows *= updateShape[d];
        for (long row = 0; row < rows; row++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++) offset += (starts[d] + counter[d]) * stride[d];
            ShapeChecks.CopyBytes(update + row * rowBytes, output + offset, rowBytes);
            for (int d = rank - 2; d >= 0; d--)
            {
                if (++counter[d] < updateShape[d]) break;
                counter[d] = 0;
            }
        }
    }
}
