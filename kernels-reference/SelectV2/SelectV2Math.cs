using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SELECT_V2 (TFLM reference select.h): output = condition ? x : y, elementwise with three-way broadcasting.
/// Values are copied bit for bit (quantized operands share their parameters), so one walk over element-sized
/// integers serves float32 (as uint), int16 and int8. Bools are one byte; any non-zero byte is true.
/// </summary>
public static unsafe class SelectV2Math
{
    public static void Select<T>(in SelectV2OpData p, ReadOnlySpan<byte> condition, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> output)
        where T : unmanaged
    {
        if (p.ElementCount == 0) return;
        int rank = p.Rank;
        int inner = p.Dims[rank - 1];
        int conditionStep = p.ConditionStrides[rank - 1];
        int xStep = p.XStrides[rank - 1];
        int yStep = p.YStrides[rank - 1];
        int* position = stackalloc int[BroadcastShape.MaxRank];
        for (int d = 0; d < rank; d++) position[d] = 0;
        int conditionOffset = 0;
        int xOffset = 0;
        int yOffset = 0;
        int o = 0;
        while (true)
        {
            int c = conditionOffset;
            int ix = xOffset;
            int iy = yOffset;
            for (int k = 0; k < inner; k++, o++, c += conditionStep, ix += xStep, iy += yStep)
            {
                output[o] = condition[c] != 0 ? x[ix] : y[iy];
            }

            // Advance the outer dimensions like an odometer, rewinding the ones that wrap.
            int dim = rank - 2;
            for (; dim >= 0; dim--)
            {
                position[dim]++;
                conditionOffset += p.ConditionStrides[dim];
                xOffset += p.XStrides[dim];
                yOffset += p.YStrides[dim];
                if (position[dim] < p.Dims[dim]) break;
                conditionOffset -= p.ConditionStrides[dim] * position[dim];
                xOffset -= p.XStrides[dim] * position[dim];
                yOffset -= p.YStrides[dim] * position[dim];
                position[dim] = 0;
            }
            if (dim < 0) return;
        }
    }
}
