using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Sparse → dense (TFLite's FormatConverter::SparseToDense, the reference of DENSIFY): the stored values are visited in
/// traversal order; a dense dimension visits every coordinate, a CSR dimension visits the coordinates listed in its
/// indices array for the current position of the enclosing dimensions (segment [segments[p], segments[p+1])). Each
/// value lands at Σ coordinate × stride over the levels; everything else is zero. The walk is iterative (no recursion)
/// and reads only what <see cref="DensifyCommon"/> checked.
/// </summary>
public static unsafe class DensifyMath
{
    public static void Densify<T>(ReadOnlySpan<DensifyLevel> levels, ReadOnlySpan<T> values, Span<T> output) where T : unmanaged
    {
        output.Fill(default);
        int count = levels.Length;
        if (count == 0)
        {
            // A scalar: one value, no dimensions to walk.
            if (output.Length > 0 && values.Length > 0) output[0] = values[0];
            return;
        }
        int* cursor = stackalloc int[DensifyOpData.MaxLevels];
        int* limit = stackalloc int[DensifyOpData.MaxLevels];
        int* position = stackalloc int[DensifyOpData.MaxLevels]; // position of the enclosing dimensions entering a level
        int* offset = stackalloc int[DensifyOpData.MaxLevels];   // output offset contributed by the enclosing levels
        int next = 0;
        position[0] = 0;
        offset[0] = 0;
        Enter(levels[0], 0, cursor, limit);
        int level = 0;
        while (true)
        {
            if (cursor[level] >= limit[level])
            {
                if (level == 0) return;
                level--;
                cursor[level]++;
                continue;
            }
            DensifyLevel current = levels[level];
            int step = cursor[level];
            int coordinate = current.IsDense ? step : SparseIndices.Read(current.IndicesType, current.Indices, step);
            int at = offset[level] + coordinate * current.Stride;
            if (level == count - 1)
            {
                output[at] = values[next++];
                cursor[level]++;
                continue;
            }
            // Position in the next level's segments: a dense level multiplies out, a CSR level is its index slot.
            position[level + 1] = current.IsDense ? position[level] * current.Size + step : step;
            offset[level + 1] = at;
            level++;
            Enter(levels[level], position[level], cursor + level, limit + level);
        }
    }

    private static void Enter(in DensifyLevel level, int position, int* cursor, int* limit)
    {
        if (level.IsDense)
        {
            *cursor = 0;
            *limit = level.Size;
        }
        else
        {
            *cursor = SparseIndices.Read(level.SegmentsType, level.Segments, position);
            *limit = SparseIndices.Read(level.SegmentsType, level.Segments, position + 1);
        }
    }
}
