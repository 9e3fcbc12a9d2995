using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static unsafe partial class FloatGemm
{
    public static void RunVector512(in PackedFilterFloat filter, float* row, float* output)
    {
        int stride = filter.PaddedChannels;
        int c = 0;
        for (; c + 64 <= filter.PaddedChannels; c += 64)
        {
            Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            float* weights = filter.Weights + c;
            for (int d = 0; d < filter.Depth; d++, weights += stride)
            {
                Vector512<float> x = Vector512.Create(row[d]);
                a0 += x * Vector512.Load(weights);
                a1 += x * Vector512.Load(weights + 16);
                a2 += x * Vector512.Load(weights + 32);
                a3 += x * Vector512.Load(weights + 48);
            }
            Finish512(in filter, c, a0, output);
            Finish512(in filter, c + 16, a1, output);
            Finish512(in filter, c + 32, a2, output);
            Finish512(in filter, c + 48, a3, output);
        }
        for (; c < filter.PaddedChannels; c += 16)
        {
            Vector512<float> a = Vector512<float>.Zero;
            float* weights = filter.Weights + c;
            for (int d = 0; d < filter.Depth; d++, weights += stride) a += Vector512.Create(row[d]) * Vector512.Load(weights);
            Finish512(in filter, c, a, output);
        }
    }

    /// <summary>Adds the bias, clamps like <c>ActivationMath.Clamp</c> (NaN included) and stores the existing channels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish512(in PackedFilterFloat filter, int c, Vector512<float> total, float* output)
    {
        Vector512<float> x = total + Vector512.Load(filter.Bias + c);
        Vector512<float> lo = Vector512.Create(filter.ActivationMin);
        Vector512<float> hi = Vector512.Create(filter.ActivationMax);
        Vector512<float> lower = Vector512.ConditionalSelect(Vector512.LessThan(x, lo), lo, x);
        Vector512<float> result = Vector512.ConditionalSelect(Vector512.LessThan(hi, lower), hi, lower);
        int remaining = filter.Channels - c;
        if (remaining >= 16) result.Store(output + c);
        else StorePartial((float*)&result, output + c, remaining);
    }
}
