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

/// <summary>
/// The clamp range of a fused activation for float kernels, passed by reference (<c>in</c>). Two float arguments
/// that a kernel keeps across calls arrive in s0/s1 and are moved to callee-saved registers; ilc's ARM32 code
/// generator moves that pair as one double register (<c>vmov.f64 d8, d0</c>), which a single-precision FPU
/// (Cortex-M4F) cannot execute: a UsageFault per call, emulated by the firmware (ports/baremetal/README.md). Read
/// through a reference, each bound is a single-precision load.
/// </summary>
public readonly struct FloatActivationRange
{
    public readonly float Min;
    public readonly float Max;

    public FloatActivationRange(float min, float max)
    {
        Min = min;
        Max = max;
    }
}

