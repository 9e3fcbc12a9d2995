using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>Clamping after fused activations (TFLM's ActivationFunctionWithMinMax).</summary>
public static class ActivationMath
{
    /// <summary>min(max(x, lo), hi), in that order, as TFLM computes it (NaN handling included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Clamp(float x, float lo, float hi)
    {
        // std::min(std::max(x, lo), hi): std::max(x, lo) returns x unless x < lo.
        float lower = x < lo ? lo : x;
        return hi < lower ? hi : lower;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp(int x, int lo, int hi)
    {
        int lower = x < lo ? lo : x;
        return hi < lower ? hi : lower;
    }
}
