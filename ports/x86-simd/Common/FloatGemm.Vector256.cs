using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class FloatGemm
{
    /// <summary>AVX: 16 channels per step as two 8-lane accumulators.</summary>
    public static void RunVector256(in PackedFilterFloat filter, float* row, float* output)
    {
        int stride = filter.PaddedChannels;
        for (int c = 0; c < filter.PaddedChannels; c += 16)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0;
            float* weights = filter.Weights + c;
            for (int d = 0; d < filter.Depth; d++, weights += stride)
            {
                Vector256<float> x = Vector256.Create(row[d]);
                a0 += x * Vector256.Load(weights);
                a1 += x * Vector256.Load(weights + 8);
            }
            Finish256(in filter, c, a0, output);
            Finish256(in filter, c + 8, a1, output);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish256(in PackedFilterFloat filter, int c, Vector256<float> total, float* output)
    {
        int remaining = filter.Channels - c;
        if (remaining <= 0) return;
        Vector256<float> x = total + Vector256.Load(filter.Bias + c);
        Vector256<float> lo = Vector256.Create(filter.ActivationMin);
        Vector256<float> hi = Vector256.Create(filter.ActivationMax);
        Vector256<float> lower = Vector256.ConditionalSelect(Vector256.LessThan(x, lo), lo, x);
        Vector256<float> result = Vector256.ConditionalSelect(Vector256.LessThan(hi, lower), hi, lower);
        if (remaining >= 8) result.Store(output + c);
        else StorePartial((float*)&result, output + c, remaining);
    }
}
