using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// How a binary elementwise op walks its two inputs to fill the output, computed once at Prepare (NumPy-style
/// broadcasting, shapes aligned on the right, as TFLM's NdArrayDescsForElementwiseBroadcast and
/// BroadcastBinaryOpSimple do). Output dimensions of extent 1 are dropped and neighbouring dimensions in which
/// both inputs broadcast the same way are fused, so a same-shape op is one dimension of <c>ElementCount</c> and
/// a "vector + scalar" op too. Every elementwise result depends only on its two operands, so the walking order
/// cannot change a result; the output is always written in row-major order.
/// Walk it with <see cref="BroadcastCursor"/>.
/// </summary>
public unsafe struct BroadcastShape
{
    /// <summary>Most dimensions an input or output may have (TFLM's broadcast loop supports 8; ADD/MUL 6).</summary>
    public const int MaxRank = 8;

    /// <summary>Dimensions after fusing, at least 1.</summary>
    public int Rank;

    /// <summary>Output elements (0 for an empty tensor, then nothing is computed).</summary>
    public int ElementCount;

    /// <summary>Extent of each fused output dimension, outermost first.</summary>
    public fixed int Dims[MaxRank];

    /// <summary>Elements to step in input 1 per step of each fused dimension (0 where input 1 is broadcast).</summary>
    public fixed int Strides1[MaxRank];

    /// <summary>Elements to step in input 2 per step of each fused dimension (0 where input 2 is broadcast).</summary>
    public fixed int Strides2[MaxRank];

    /// <summary>Extent of the innermost fused dimension.</summary>
    public readonly int InnerLength => Dims[Rank - 1];

    /// <summary>Step of input 1 along the innermost dimension (0 or 1).</summary>
    public readonly int InnerStride1 => Strides1[Rank - 1];

    /// <summary>Step of input 2 along the innermost dimension (0 or 1).</summary>
    public readonly int InnerStride2 => Strides2[Rank - 1];

    /// <summary>True when the two input shapes are identical (no broadcasting needed).</summary>
    public static bool SameShape(ReadOnlySpan<int> shape1, ReadOnlySpan<int> shape2)
    {
        if (shape1.Length != shape2.Length) return false;
        for (int i = 0; i < shape1.Length; i++)
        {
            if (shape1[i] != shape2[i]) return false;
        }
        return true;
    }

    /// <summary>
    /// The broadcast result shape of two shapes (right-aligned; each pair of extents equal, or one of them 1).
    /// Writes max(rank1, rank2) extents into <paramref name="output"/>; false if the shapes are incompatible or
    /// the rank exceeds <see cref="MaxRank"/>.
    /// </summary>
    public static bool TryGetBroadcastShape(ReadOnlySpan<int> shape1, ReadOnlySpan<int> shape2, Span<int> output, out int rank)
    {
        rank = shape1.Length > shape2.Length ? shape1.Length : shape2.Length;
        if (rank > MaxRank || output.Length < rank) return false;
        for (int i = 0; i < rank; i++)
        {
            int d1 = ExtentFromRight(shape1, rank - 1 - i);
            int d2 = ExtentFromRight(shape2, rank - 1 - i);
            int d;
            if (d1 == d2) d = d1;
            else if (d1 == 1) d = d2;
            else if (d2 == 1) d = d1;
            else return false;
            output[i] = d;
        }
        return true;
    }

    /// <summary>
    /// Builds the walk for <paramref name="shape1"/> op <paramref name="shape2"/> into <paramref name="outputShape"/>.
    /// False when the output shape is not the broadcast shape of the inputs (or a rank exceeds <see cref="MaxRank"/>).
    /// </summary>
    public static bool TryCreate(ReadOnlySpan<int> shape1, ReadOnlySpan<int> shape2, ReadOnlySpan<int> outputShape, out BroadcastShape result)
    {
        result = default;
        Span<int> expected = stackalloc int[MaxRank];
        if (!TryGetBroadcastShape(shape1, shape2, expected, out int rank)) return false;
        // The output may carry extra leading 1s (or fewer of them) than the inputs; compare right-aligned.
        int outputRank = outputShape.Length;
        int fullRank = rank > outputRank ? rank : outputRank;
        if (fullRank > MaxRank) return false;
        for (int i = 0; i < fullRank; i++)
        {
            int fromRight = fullRank - 1 - i;
            int want = fromRight < rank ? expected[rank - 1 - fromRight] : 1;
            if (ExtentFromRight(outputShape, fromRight) != want) return false;
        }

        // Walk the dimensions from the innermost outward, dropping extent-1 dimensions and fusing neighbours
        // where both inputs either follow the output or stay put.
        int fusedCount = 0;
        int* dims = stackalloc int[MaxRank];
        bool* broadcast1 = stackalloc bool[MaxRank];
        bool* broadcast2 = stackalloc bool[MaxRank];
        long elements = 1;
        for (int fromRight = 0; fromRight < rank; fromRight++)
        {
            int extent = expected[rank - 1 - fromRight];
            elements *= extent;
            if (extent == 1) continue;
            bool b1 = ExtentFromRight(shape1, fromRight) == 1;
            bool b2 = ExtentFromRight(shape2, fromRight) == 1;
            if (fusedCount > 0 && broadcast1[fusedCount - 1] == b1 && broadcast2[fusedCount - 1] == b2)
            {
                dims[fusedCount - 1] *= extent;
            }
            else
            {
                dims[fusedCount] = extent;
                broadcast1[fusedCount] = b1;
                broadcast2[fusedCount] = b2;
                fusedCount++;
            }
        }
        if (elements > int.MaxValue) return false;
        result.ElementCount = (int)elements;
        if (fusedCount == 0)
        {
            // Every extent is 1 (or there are no dimensions): one element.
            result.Rank = 1;
            result.Dims[0] = 1;
            result.Strides1[0] = 1;
            result.Strides2[0] = 1;
            return true;
        }
        if (elements == 0)
        {
            result.Rank = 1;
            result.Dims[0] = 0;
            return true;
        }

        // Fused dimensions were collected innermost first; store them outermost first with their strides.
        result.Rank = fusedCount;
        int step1 = 1;
        int step2 = 1;
        for (int f = 0; f < fusedCount; f++)
        {
            int slot = fusedCount - 1 - f;
            result.Dims[slot] = dims[f];
            result.Strides1[slot] = broadcast1[f] ? 0 : step1;
            result.Strides2[slot] = broadcast2[f] ? 0 : step2;
            if (!broadcast1[f]) step1 *= dims[f];
            if (!broadcast2[f]) step2 *= dims[f];
        }
        return true;
    }

    /// <summary>Extent <paramref name="fromRight"/> places from the last dimension; 1 beyond the rank.</summary>
    private static int ExtentFromRight(ReadOnlySpan<int> shape, int fromRight) =>
        fromRight < shape.Length ? shape[shape.Length - 1 - fromRight] : 1;
}
