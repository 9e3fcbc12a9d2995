using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BATCH_MATMUL arithmetic as TFLM's reference kernel does it (reference/batch_matmul.h, called with the operands
/// swapped by batch_matmul.cc): each output element is one dot product over K in ascending order, float32 summed in
/// float, int8 in an int32 accumulator and int16 in an int64 accumulator of (value − zero point) products, then
/// requantized with the single per-tensor multiplier and clamped to the type's range.
/// The LHS is laid out [.., M, K] and the RHS transposed, [.., N, K]; the output is [.., M, N].
/// </summary>
public static unsafe class BatchMatMulMath
{
    /// <summary>
    /// Swaps the last two dimensions of <paramref name="matrices"/> row-major matrices of
    /// <paramref name="rows"/> × <paramref name="columns"/> (TFLM's TransposeRowsColumns).
    /// </summary>
    public static void TransposeMatrices<T>(ReadOnlySpan<T> input, Span<T> output, int matrices, int rows, int columns)
        where T : unmanaged
    {
        int size = rows * columns;
        for (int m = 0; m < matrices; m++)
        {
            ReadOnlySpan<T> source = input.Slice(m * size, size);
            Span<T> target = output.Slice(m * size, size);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++) target[c * rows + r] = source[r * columns + c];
            }
        }
    }

    public static void EvalFloat(ReadOnlySpan<float> lhs, ReadOnlySpan<float> rhsTransposed, Span<float> output,
        BatchMatMulGeometry geometry)
    {
        int rows = geometry.LhsRows;
        int columns = geometry.RhsColumns;
        int depth = geometry.AccumulationDepth;
        int outputBase = 0;
        for (int b0 = 0; b0 < geometry.OutputBatch[0]; b0++)
        {
            for (int b1 = 0; b1 < geometry.OutputBatch[1]; b1++)
            {
                for (int b2 = 0; b2 < geometry.OutputBatch[2]; b2++)
                {
                    int lhsBase = b0 * geometry.LhsBatchStride[0] + b1 * geometry.LhsBatchStride[1] + b2 * geometry.LhsBatchStride[2];
                    int rhsBase = b0 * geometry.RhsBatchStride[0] + b1 * geometry.RhsBatchStride[1] + b2 * geometry.RhsBatchStride[2];
                    for (int m = 0; m < rows; m++)
                    {
                        ReadOnlySpan<float> lhsRow = lhs.Slice(lhsBase + m * depth, depth);
                        for (int n = 0; n < columns; n++)
                        {
                            ReadOnlySpan<float> rhsRow = rhsTransposed.Slice(rhsBase + n * depth, depth);
                            float total = 0f;
                            for (int k = 0; k < depth; k++) total += rhsRow[k] * lhsRow[k];
                            output[outputBase + m * columns + n] = total;
                        }
                    }
                    outputBase += rows * columns;
                }
            }
        }
    }

    /// <summary>int8: int32 accumulator; <paramref name="lhsOffset"/>/<paramref name="rhsOffset"/> are the negated zero points.</summary>
    public static void EvalInt8(ReadOnlySpan<sbyte> lhs, ReadOnlySpan<sbyte> rhsTransposed, Span<sbyte> output,
        BatchMatMulGeometry geometry, int lhsOffset, int rhsOffset, int outputOffset, int outputMultiplier, int outputShift,
        int activationMin, int activationMax)
    {
        int rows = geometry.LhsRows;
        int columns = geometry.RhsColumns;
        int depth = geometry.AccumulationDepth;
        int outputBase = 0;
        for (int b0 = 0; b0 < geometry.OutputBatch[0]; b0++)
        {
            for (int b1 = 0; b1 < geometry.OutputBatch[1]; b1++)
            {
                for (int b2 = 0; b2 < geometry.OutputBatch[2]; b2++)
                {
                    int lhsBase = b0 * geometry.LhsBatchStride[0] + b1 * geometry.LhsBatchStride[1] + b2 * geometry.LhsBatchStride[2];
                    int rhsBase = b0 * geometry.RhsBatchStride[0] + b1 * geometry.RhsBatchStride[1] + b2 * geometry.RhsBatchStride[2];
                    for (int m = 0; m < rows; m++)
                    {
                        ReadOnlySpan<sbyte> lhsRow = lhs.Slice(lhsBase + m * depth, depth);
                        for (int n = 0; n < columns; n++)
                        {
                            ReadOnlySpan<sbyte> rhsRow = rhsTransposed.Slice(rhsBase + n * depth, depth);
                            int total = 0;
                            for (int k = 0; k < depth; k++) total += (rhsRow[k] + rhsOffset) * (lhsRow[k] + lhsOffset);
                            int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(total, outputMultiplier, outputShift) + outputOffset;
                            output[outputBase + m * columns + n] = (sbyte)ActivationMath.Clamp(scaled, activationMin, activationMax);
                        }
                    }
                    outputBase += rows * columns;
                }
            }
        }
    }

    /// <summary>int16: int64 accumulator and the 64-bit requantization path (zero points are 0 in TFLM).</summary>
    public static void EvalInt16(ReadOnlySpan<short> lhs, ReadOnlySpan<short> rhsTransposed, Span<short> output,
        BatchMatMulGeometry geometry, int lhsOffset, int rhsOffset, int outputOffset, int outputMultiplier, int outputShift,
        int activationMin, int activationMax)
    {
        int rows = geometry.LhsRows;
        int columns = geometry.RhsColumns;
        int depth = geometry.AccumulationDepth;
        int outputBase = 0;
        for (int b0 = 0; b0 < geometry.OutputBatch[0]; b0++)
        {
            for (int b1 = 0; b1 < geometry.OutputBatch[1]; b1++)
            {
                for (int b2 = 0; b2 < geometry.OutputBatch[2]; b2++)
                {
                    int lhsBase = b0 * geometry.LhsBatchStride[0] + b1 * geometry.LhsBatchStride[1] + b2 * geometry.LhsBatchStride[2];
                    int rhsBase = b0 * geometry.RhsBatchStride[0] + b1 * geometry.RhsBatchStride[1] + b2 * geometry.RhsBatchStride[2];
                    for (int m = 0; m < rows; m++)
                    {
                        ReadOnlySpan<short> lhsRow = lhs.Slice(lhsBase + m * depth, depth);
                        for (int n = 0; n < columns; n++)
                        {
                            ReadOnlySpan<short> rhsRow = rhsTransposed.Slice(rhsBase + n * depth, depth);
                            long total = 0;
                            for (int k = 0; k < depth; k++) total += ((long)rhsRow[k] + rhsOffset) * ((long)lhsRow[k] + lhsOffset);
                            int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(total, outputMultiplier, outputShift) + outputOffset;
                            output[outputBase + m * columns + n] = (short)ActivationMath.Clamp(scaled, activationMin, activationMax);
                        }
                    }
                    outputBase += rows * columns;
                }
            }
        }
    }
}
