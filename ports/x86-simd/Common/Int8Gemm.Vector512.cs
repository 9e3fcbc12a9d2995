using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class Int8Gemm
{
    /// <summary>AVX-512BW: vpmaddwd on 16 channels × one input pair per instruction.</summary>
    public static void RunVector512(in PackedFilterInt8 filter, short* rows, int rowCount, sbyte* output, int outputRowStride)
    {
        int r = 0;
        for (; r + RowBlock <= rowCount; r += RowBlock)
        {
            FourRows512(in filter, rows + r * filter.RowStride, output + r * outputRowStride, outputRowStride);
        }
        for (; r < rowCount; r++)
        {
            OneRow512(in filter, rows + r * filter.RowStride, output + r * outputRowStride);
        }
    }

    /// <summary>4 rows × 32 channels in 8 accumulators: each weight load serves four rows.</summary>
    private static void FourRows512(in PackedFilterInt8 filter, short* rows, sbyte* output, int outputRowStride)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        int* row0 = (int*)rows;
        int* row1 = (int*)(rows + filter.RowStride);
        int* row2 = (int*)(rows + 2 * filter.RowStride);
        int* row3 = (int*)(rows + 3 * filter.RowStride);
        int c = 0;
        for (; c + 2 * PackedFilterInt8.ChannelBlock <= filter.PaddedChannels; c += 2 * PackedFilterInt8.ChannelBlock)
        {
            Vector512<int> bias0 = Vector512.Load(filter.Bias + c);
            Vector512<int> bias1 = Vector512.Load(filter.Bias + c + 16);
            Vector512<int> a00 = bias0, a01 = bias1, a10 = bias0, a11 = bias1;
            Vector512<int> a20 = bias0, a21 = bias1, a30 = bias0, a31 = bias1;
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                Vector512<short> w0 = Vector512.Load(weights);
                Vector512<short> w1 = Vector512.Load(weights + 32);
                Vector512<short> x0 = Vector512.Create(row0[p]).AsInt16();
                Vector512<short> x1 = Vector512.Create(row1[p]).AsInt16();
                a00 += Avx512BW.MultiplyAddAdjacent(w0, x0);
                a01 += Avx512BW.MultiplyAddAdjacent(w1, x0);
                Vector512<short> x2 = Vector512.Create(row2[p]).AsInt16();
                a10 += Avx512BW.MultiplyAddAdjacent(w0, x1);
                a11 += Avx512BW.MultiplyAddAdjacent(w1, x1);
                Vector512<short> x3 = Vector512.Create(row3[p]).AsInt16();
                a20 += Avx512BW.MultiplyAddAdjacent(w0, x2);
                a21 += Avx512BW.MultiplyAddAdjacent(w1, x2);
                a30 += Avx512BW.MultiplyAddAdjacent(w0, x3);
                a31 += Avx512BW.MultiplyAddAdjacent(w1, x3);
            }
            Store512(in filter, c, a00, output);
            Store512(in filter, c + 16, a01, output);
            Store512(in filter, c, a10, output + outputRowStride);
            Store512(in filter, c + 16, a11, output + outputRowStride);
            Store512(in filter, c, a20, output + 2 * outputRowStride);
            Store512(in filter, c + 16, a21, output + 2 * outputRowStride);
            Store512(in filter, c, a30, output + 3 * outputRowStride);
            Store512(in filter, c + 16, a31, output + 3 * outputRowStride);
        }
        if (c < filter.PaddedChannels)
        {
            Vector512<int> bias = Vector512.Load(filter.Bias + c);
            Vector512<int> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                Vector512<short> w = Vector512.Load(weights);
                a0 += Avx512BW.MultiplyAddAdjacent(w, Vector512.Create(row0[p]).AsInt16());
                a1 += Avx512BW.MultiplyAddAdjacent(w, Vector512.Create(row1[p]).AsInt16());
                a2 += Avx512BW.MultiplyAddAdjacent(w, Vector512.Create(row2[p]).AsInt16());
                a3 += Avx512BW.MultiplyAddAdjacent(w, Vector512.Create(row3[p]).AsInt16());
            }
            Store512(in filter, c, a0, output);
            Store512(in filter, c, a1, output + outputRowStride);
            Store512(in filter, c, a2, output + 2 * outputRowStride);
            Store512(in filter, c, a3, output + 3 * outputRowStride);
        }
    }

    /// <summary>One row × 64 channels in 4 accumulators (FULLY_CONNECTED with one batch, leftover rows).</summary>
    private static void OneRow512(in PackedFilterInt8 filter, short* rowShorts, sbyte* output)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        int* row = (int*)rowShorts;
        int c = 0;
        for (; c + 4 * PackedFilterInt8.ChannelBlock <= filter.PaddedChannels; c += 4 * PackedFilterInt8.ChannelBlock)
        {
            Vector512<int> a0 = Vector512.Load(filter.Bias + c);
            Vector512<int> a1 = Vector512.Load(filter.Bias + c + 16);
            Vector512<int> a2 = Vector512.Load(filter.Bias + c + 32);
            Vector512<int> a3 = Vector512.Load(filter.Bias + c + 48);
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                Vector512<short> x = Vector512.Create(row[p]).AsInt16();
                a0 += Avx512BW.MultiplyAddAdjacent(Vector512.Load(weights), x);
                a1 += Avx512BW.MultiplyAddAdjacent(Vector512.Load(weights + 32), x);
                a2 += Avx512BW.MultiplyAddAdjacent(Vector512.Load(weights + 64), x);
                a3 += Avx512BW.MultiplyAddAdjacent(Vector512.Load(weights + 96), x);
            }
            Store512(in filter, c, a0, output);
            Store512(in filter, c + 16, a1, output);
            Store512(in filter, c + 32, a2, output);
            Store512(in filter, c + 48, a3, output);
        }
        for (; c < filter.PaddedChannels; c += PackedFilterInt8.ChannelBlock)
        {
            Vector512<int> a = Vector512.Load(filter.Bias + c);
            short* weights = filter.Weights + 2 * c;
            for (int p = 0; p < pairs; p++, weights += stride)
            {
                a += Avx512BW.MultiplyAddAdjacent(Vector512.Load(weights), Vector512.Create(row[p]).AsInt16());
            }
            Store512(in filter, c, a, output);
        }
    }

    /// <summary>Requantizes 16 channels starting at <paramref name="c"/> and stores those that exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store512(in PackedFilterInt8 filter, int c, Vector512<int> accumulator, sbyte* outputRow)
    {
        Vector512<int> result = Requantization.Apply(accumulator, Vector512.Load(filter.Multipliers + c),
            Vector512.Load((uint*)filter.LeftShifts + c), Vector512.Load((uint*)filter.RightShifts + c),
            Vector512.Create(filter.OutputOffset), Vector512.Create(filter.ActivationMin), Vector512.Create(filter.ActivationMax));
        Vector128<sbyte> bytes = Avx512F.ConvertToVector128SByte(result);
        int remaining = filter.Channels - c;
        if (remaining >= 16)
        {
            bytes.Store(outputRow + c);
        }
        else
        {
            StorePartial((sbyte*)&bytes, outputRow + c, remaining);
        }
    }
}
