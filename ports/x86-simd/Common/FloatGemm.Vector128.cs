using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class FloatGemm
{
    /// <summary>SSE: 16 channels per step as four 4-lane accumulators.</summary>
    public static void RunVector128(in PackedFilterFloat filter, float* row, float* output)
    {
        int stride = filter.PaddedChannels;
        for (int c = 0; c < filter.PaddedChannels; c += 16)
        {
            Vector128<float> a0 = Vector128<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            float* weights = filter.Weights + c;
            for (int d = 0; d < filter.Depth; d++, weights += stride)
            {
                Vector128<float> x = Vector128.Create(row[d]);
                a0 += x * Vector128.Load(weights);
                a1 += x * Vector128.Load(weights + 4);
                a2 += x * Vector128.Load(weights + 8);
                a3 += x * Vector128.Load(weights + 12);
            }
            Finish128(in filter, c, a0, output);
            Finish128(in filter, c + 4, a1, output);
            Finish128(in filter, c + 8, a2, output);
            Finish128(in filter, c + 12, a3, output);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish128(in PackedFilterFloat filter, int c, Vector128<float> total, float* output)
    {
        int remaining = filter.Channels - c;
        if (remaining <= 0) return;
        Vector128<float> x = total + Vector128.Load(filter.Bias + c);
        Vector128<float> lo = Vector128.Create(filter.ActivationMin);
        Vector128<float> hi = Vector128.Create(filter.ActivationMax);
        Vector128<float> lower = Vector128.ConditionalSelect(Vector128.LessThan(x, lo), lo, x);
        Vector128<float> result = Vector128.ConditionalSelect(Vector128.LessThan(hi, lower), hi, lower);
        if (remaining >= 4) result.Store(output + c);
        else StorePartial((float*)&result, output + c, remaining);
    }
}
