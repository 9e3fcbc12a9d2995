using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class Int8Gemm
{
    /// <summary>
    /// SSE4.1: pmaddwd on 4 channels × one input pair, one row × 16 channels at a time. SSE has no per-lane
    /// variable shift, so the requantization runs per lane through the reference arithmetic.
    /// </summary>
    public static void RunVector128(in PackedFilterInt8 filter, short* rows, int rowCount, sbyte* output, int outputRowStride)
    {
        int pairs = filter.PairCount;
        int stride = filter.PaddedChannels * 2;
        Vector128<int>* sums = stackalloc Vector128<int>[4];
        for (int r = 0; r < rowCount; r++)
        {
            int* row = (int*)(rows + r * filter.RowStride);
            sbyte* outputRow = output + r * outputRowStride;
            for (int c = 0; c < filter.PaddedChannels; c += PackedFilterInt8.ChannelBlock)
            {
                Vector128<int> a0 = Vector128.Load(filter.Bias + c);
                Vector128<int> a1 = Vector128.Load(filter.Bias + c + 4);
                Vector128<int> a2 = Vector128.Load(filter.Bias + c + 8);
                Vector128<int> a3 = Vector128.Load(filter.Bias + c + 12);
                short* weights = filter.Weights + 2 * c;
                for (int p = 0; p < pairs; p++, weights += stride)
                {
                    Vector128<short> x = Vector128.Create(row[p]).AsInt16();
                    a0 += Sse2.MultiplyAddAdjacent(Vector128.Load(weights), x);
                    a1 += Sse2.MultiplyAddAdjacent(Vector128.Load(weights + 8), x);
                    a2 += Sse2.MultiplyAddAdjacent(Vector128.Load(weights + 16), x);
                    a3 += Sse2.MultiplyAddAdjacent(Vector128.Load(weights + 24), x);
                }
                sums[0] = a0;
                sums[1] = a1;
                sums[2] = a2;
                sums[3] = a3;
                int* lanes = (int*)sums;
                int end = filter.Channels - c < 16 ? filter.Channels - c : 16;
                for (int i = 0; i < end; i++)
                {
                    outputRow[c + i] = (sbyte)Requantization.Scalar(lanes[i], filter.Multipliers[c + i], filter.Shifts[c + i],
                        filter.OutputOffset, filter.ActivationMin, filter.ActivationMax);
                }
            }
        }
    }
}
