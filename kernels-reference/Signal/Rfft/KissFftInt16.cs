using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0's <c>FIXED_POINT=16</c> arithmetic, behind TFLM's int16 SignalRfft / SignalIrfft
/// (signal/src/kiss_fft_wrappers/kiss_fft_int16.cc): Q15 scalars, 32-bit products rounded by <c>sround</c>, every
/// result truncated to 16 bits where kiss_fft stores it.
/// </summary>
public struct KissFftInt16 : IKissArithmetic<short>
{
    private const int FractionBits = 15;
    private const int SampleMax = short.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Add(short a, short b) => (short)(a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Subtract(short a, short b) => (short)(a - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Negate(short a) => (short)-a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Half(short a) => (short)(a >> 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Multiply(short a, short b) => Round(a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public KissComplex<short> Multiply(KissComplex<short> a, KissComplex<short> b) =>
        new KissComplex<short>(Round(a.R * b.R - a.I * b.I), Round(a.R * b.I + a.I * b.R));

    /// <summary>Division as a multiply by <c>SAMP_MAX / radix</c> (integer division), so it is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DivideByRadix(ref KissComplex<short> c, int radix)
    {
        int factor = SampleMax / radix;
        c.R = Round(c.R * factor);
        c.I = Round(c.I * factor);
    }

    /// <summary><c>floor(.5 + SAMP_MAX * x)</c> evaluated in double.</summary>
    public short Twiddle(SoftDouble value) =>
        (short)(SoftDouble.One.LdExp(-1) + SoftDouble.FromInt32(SampleMax) * value).Floor().ToInt64();

    /// <summary><c>sround</c>: add half, shift out the fraction bits, keep the low 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Round(int product) => (short)((product + (1 << (FractionBits - 1))) >> FractionBits);
}
