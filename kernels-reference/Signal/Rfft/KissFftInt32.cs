using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// kiss_fft v1.3.0's <c>FIXED_POINT=32</c> arithmetic, behind TFLM's int32 SignalRfft / SignalIrfft
/// (signal/src/kiss_fft_wrappers/kiss_fft_int32.cc): Q31 scalars, 64-bit products rounded by <c>sround</c>
/// (add 2^30, shift right 31, keep the low 32 bits). Sums are 32-bit and wrap as they do in C on every target.
/// </summary>
public struct KissFftInt32 : IKissArithmetic<int>
{
    private const int FractionBits = 31;
    private const int SampleMax = int.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(int a, int b) => unchecked(a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Subtract(int a, int b) => unchecked(a - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Negate(int a) => unchecked(-a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Half(int a) => a >> 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Multiply(int a, int b) => Round((long)a * b);

    /// <summary>Both products are summed in 64 bits before the single rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public KissComplex<int> Multiply(KissComplex<int> a, KissComplex<int> b) =>
        new KissComplex<int>(Round(unchecked((long)a.R * b.R - (long)a.I * b.I)), Round(unchecked((long)a.R * b.I + (long)a.I * b.R)));

    /// <summary>Division as a multiply by <c>SAMP_MAX / radix</c> (integer division), so it is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DivideByRadix(ref KissComplex<int> c, int radix)
    {
        long factor = SampleMax / radix;
        c.R = Round(c.R * factor);
        c.I = Round(c.I * factor);
    }

    /// <summary><c>floor(.5 + SAMP_MAX * x)</c> evaluated in double (the product is rounded to 53 bits first).</summary>
    public int Twiddle(SoftDouble value) =>
        (int)(SoftDouble.One.LdExp(-1) + SoftDouble.FromInt32(SampleMax) * value).Floor().ToInt64();

    /// <summary><c>sround</c>: add half (2^30), shift out the 31 fraction bits, keep the low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Round(long product) => unchecked((int)((product + (1L << (FractionBits - 1))) >> FractionBits));
}
