namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Position of a walk over a <see cref="BroadcastShape"/>, one innermost row at a time:
/// <code>
/// BroadcastCursor cursor = default;
/// int o = 0;
/// do
/// {
///     int i1 = cursor.Offset1, i2 = cursor.Offset2;
///     for (int k = 0; k &lt; shape.InnerLength; k++, o++, i1 += shape.InnerStride1, i2 += shape.InnerStride2)
///         output[o] = f(input1[i1], input2[i2]);
/// } while (cursor.NextRow(in shape));
/// </code>
/// Check <c>shape.ElementCount != 0</c> first.
/// </summary>
public unsafe struct BroadcastCursor
{
    /// <summary>Index in input 1 of the first element of the current row.</summary>
    public int Offset1;

    /// <summary>Index in input 2 of the first element of the current row.</summary>
    public int Offset2;

    private fixed int position[BroadcastShape.MaxRank];

    /// <summary>Moves to the next innermost row; false when the walk is complete.</summary>
    public bool NextRow(in BroadcastShape shape)
    {
        for (int d = shape.Rank - 2; d >= 0; d--)
        {
            int stride1 = shape.Strides1[d];
            int stride2 = shape.Strides2[d];
            position[d]++;
            Offset1 += stride1;
            Offset2 += stride2;
            if (position[d] < shape.Dims[d]) return true;
            // This dimension wrapped: rewind it and carry into the next outer one.
            Offset1 -= stride1 * position[d];
            Offset2 -= stride2 * position[d];
            position[d] = 0;
        }
        return false;
    }
}
