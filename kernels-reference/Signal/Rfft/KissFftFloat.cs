using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0's float arithmetic, behind TFLM's float SignalRfft / SignalIrfft
/// (signal/src/kiss_fft_wrappers/kiss_fft_float.cc): plain float operations (no fused multiply-add), no per-stage
/// scaling, twiddles <c>(float)cos(phase)</c> of the double value.
/// </summary>
public struct KissFftFloat : IKissArithmetic<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Subtract(float a, float b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Negate(float a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Half(float a) => a * 0.5f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Multiply(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public KissComplex<float> Multiply(KissComplex<float> a, KissComplex<float> b) =>
        new KissComplex<float>(a.R * b.R - a.I * b.I, a.R * b.I + a.I * b.R);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DivideByRadix(ref KissComplex<float> c, int radix)
    {
    }

    public float Twiddle(SoftDouble value) => value.ToFloat();
}
