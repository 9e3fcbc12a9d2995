using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class Int8Gemm
{
    /// <summary>AVX2: vpmaddwd on 8 channels × one input pair; a 16-channel block is two vectors.</summary>
    public static void RunVector256(in PackedFilterInt8 filter, short* rows, int rowCount, sbyte* output, int outputRowStride)
    {
        int r = 0;
        for (; r + RowBlock <= rowCount; r += RowBlock)
        {
            FourRows256(in filter, rows + r * filter.RowStride, output + r * outputRowStride, outputRowStride);
        }
        for (; r < rowCount; r++)
        {
            OneRow256(in filter, rows + r * filter.RowStride, output + r * outputRowStride);
        }
    }

    /// <summary>4 rows × 16 channels in 8 accumulators.</summary>
    private static void FourRows256(in PackedFilterInt8 filter, short* rows, sbyte* output, int outputRowStride)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        int* row0 = (int*)rows;
        int* row1 = (int*)(rows + filter.RowStride);
        int* row2 = (int*)(rows + 2 * filter.RowStride);
        int* row3 = (int*)(rows + 3 * filter.RowStride);
        for (int c = 0; c < filter.PaddedChannels; c += PackedFilterInt8.ChannelBlock)
        {
            Vector256<int> bias0 = Vector256.Load(filter.Bias + c);
            Vector256<int> bias1 = Vector256.Load(filter.Bias + c + 8);
            Vector256<int> a00 = bias0, a01 = bias1, a10 = bias0, a11 = bias1;
            Vector256<int> a20 = bias0, a21 = bias1, a30 = bias0, a31 = bias1;
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                Vector256<short> w0 = Vector256.Load(weights);
                Vector256<short> w1 = Vector256.Load(weights + 16);
                Vector256<short> x0 = Vector256.Create(row0[p]).AsInt16();
                Vector256<short> x1 = Vector256.Create(row1[p]).AsInt16();
                a00 += Avx2.MultiplyAddAdjacent(w0, x0);
                a01 += Avx2.MultiplyAddAdjacent(w1, x0);
                Vector256<short> x2 = Vector256.Create(row2[p]).AsInt16();
                a10 += Avx2.MultiplyAddAdjacent(w0, x1);
                a11 += Avx2.MultiplyAddAdjacent(w1, x1);
                Vector256<short> x3 = Vector256.Create(row3[p]).AsInt16();
                a20 += Avx2.MultiplyAddAdjacent(w0, x2);
                a21 += Avx2.MultiplyAddAdjacent(w1, x2);
                a30 += Avx2.MultiplyAddAdjacent(w0, x3);
                a31 += Avx2.MultiplyAddAdjacent(w1, x3);
            }
            Store256(in filter, c, a00, a01, output);
            Store256(in filter, c, a10, a11, output + outputRowStride);
            Store256(in filter, c, a20, a21, output + 2 * outputRowStride);
            Store256(in filter, c, a30, a31, output + 3 * outputRowStride);
        }
    }

    /// <summary>One row × 16 channels.</summary>
    private static void OneRow256(in PackedFilterInt8 filter, short* rowShorts, sbyte* output)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        int* row = (int*)rowShorts;
        for (int c = 0; c < filter.PaddedChannels; c += PackedFilterInt8.ChannelBlock)
        {
            Vector256<int> a0 = Vector256.Load(filter.Bias + c);
            Vector256<int> a1 = Vector256.Load(filter.Bias + c + 8);
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                Vector256<short> x = Vector256.Create(row[p]).AsInt16();
                a0 += Avx2.MultiplyAddAdjacent(Vector256.Load(weights), x);
                a1 += Avx2.MultiplyAddAdjacent(Vector256.Load(weights + 16), x);
            }
            Store256(in filter, c, a0, a1, output);
        }
    }

    /// <summary>Requantizes the 16 channels starting at <paramref name="c"/> (two halves) and stores those that exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(in PackedFilterInt8 filter, int c, Vector256<int> low, Vector256<int> high, sbyte* outputRow)
    {
        Vector256<int> offset = Vector256.Create(filter.OutputOffset);
        Vector256<int> min = Vector256.Create(filter.ActivationMin);
        Vector256<int> max = Vector256.Create(filter.ActivationMax);
        Vector256<int> r0 = Requantization.Apply(low, Vector256.Load(filter.Multipliers + c),
            Vector256.Load((uint*)filter.LeftShifts + c), Vector256.Load((uint*)filter.RightShifts + c), offset, min, max);
        Vector256<int> r1 = Requantization.Apply(high, Vector256.Load(filter.Multipliers + c + 8),
            Vector256.Load((uint*)filter.LeftShifts + c + 8), Vector256.Load((uint*)filter.RightShifts + c + 8), offset, min, max);
        // Values are already clamped to the int8 range, so narrowing by truncation is exact.
        Vector256<short> shorts = Vector256.Narrow(r0, r1);
        Vector128<sbyte> bytes = Vector128.Narrow(shorts.GetLower(), shorts.GetUpper());
        int remaining = filter.Channels - c;
        if (remaining >= 16) bytes.Store(outputRow + c);
        else StorePartial((sbyte*)&bytes, outputRow + c, remaining);
    }
}
