using System.Runtime.Intrinsics.X86;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// float32 matrix × vector behind FULLY_CONNECTED (float): output[c] = clamp((Σ_d x[d]·w[c, d]) + bias[c]),
/// the sum taken from 0 in depth order with a separate multiply and add per term, exactly as the reference, so
/// results are bit-identical. The vectors run across channels, never across the depth.
/// </summary>
public static unsafe partial class FloatGemm
{
    public static void Run(in PackedFilterFloat filter, float* row, float* output)
    {
        if (Avx512F.IsSupported)
        {
            RunVector512(in filter, row, output);
        }
        else if (Avx.IsSupported)
        {
            RunVector256(in filter, row, output);
        }
        else if (Sse.IsSupported)
        {
            RunVector128(in filter, row, output);
        }
        else
        {
            RunScalar(in filter, row, output);
        }
    }

    public static void RunScalar(in PackedFilterFloat filter, float* row, float* output)
    {
        for (int c = 0; c < filter.Channels; c++)
        {
            float total = 0f;
            float* weights = filter.Weights + c;
            for (int d = 0; d < filter.Depth; d++, weights += filter.PaddedChannels) total += row[d] * *weights;
            output[c] = ActivationMath.Clamp(total + filter.Bias[c], filter.ActivationMin, filter.ActivationMax);
        }
    }

    private static void StorePartial(float* block, float* destination, int count)
    {
        for (int i = 0; i < count; i++) destination[i] = block[i];
    }
}
