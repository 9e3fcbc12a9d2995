using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// The int8 matrix product behind FULLY_CONNECTED and CONV_2D: output[r, c] = requantize(bias[c] +
/// Σ_d (input[r, d] + inputOffset) · weight[c, d]) for a few input rows already widened to int16 with the input
/// offset added (<see cref="Int8Rows"/>). The int32 sum is the reference's sum (integer addition is associative
/// modulo 2^32, so the order of the terms does not matter) and the requantization is the reference's, so the
/// result is bit-exact. One method per width, widest first, scalar last; each width in its own partial file.
/// </summary>
public static unsafe partial class Int8Gemm
{
    /// <summary>Rows of one register block of the wide kernels.</summary>
    public const int RowBlock = 4;

    /// <summary>
    /// Multiplies <paramref name="rowCount"/> widened rows (<see cref="PackedFilterInt8.RowStride"/> int16 each,
    /// the padding element zero) by the packed filter and writes <c>Channels</c> int8 values per row,
    /// <paramref name="outputRowStride"/> bytes apart.
    /// </summary>
    public static void Run(in PackedFilterInt8 filter, short* rows, int rowCount, sbyte* output, int outputRowStride)
    {
        if (Avx512BW.IsSupported)
        {
            RunVector512(in filter, rows, rowCount, output, outputRowStride);
        }
        else if (Avx2.IsSupported)
        {
            RunVector256(in filter, rows, rowCount, output, outputRowStride);
        }
        else if (Sse41.IsSupported)
        {
            RunVector128(in filter, rows, rowCount, output, outputRowStride);
        }
        else
        {
            RunScalar(in filter, rows, rowCount, output, outputRowStride);
        }
    }

    /// <summary>Plain loops over the packed layout; the requantization is the reference's.</summary>
    public static void RunScalar(in PackedFilterInt8 filter, short* rows, int rowCount, sbyte* output, int outputRowStride)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        for (int r = 0; r < rowCount; r++)
        {
            short* row = rows + r * filter.RowStride;
            for (int c = 0; c < filter.Channels; c++)
            {
                int accumulator = filter.Bias[c];
                short* weights = filter.Weights + 2 * c;
                for (int p = 0; p < pairs; p++, weights += stride)
                {
                    accumulator = unchecked(accumulator + row[2 * p] * weights[0] + row[2 * p + 1] * weights[1]);
                }
                output[r * outputRowStride + c] = (sbyte)Requantization.Scalar(accumulator, filter.Multipliers[c], filter.Shifts[c],
                    filter.OutputOffset, filter.ActivationMin, filter.ActivationMax);
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> (≤ 16) bytes of a 16-byte block, for the last, partial channel block.</summary>
    private static void StorePartial(sbyte* block, sbyte* destination, int count)
    {
        for (int i = 0; i < count; i++) destination[i] = block[i];
    }
}
