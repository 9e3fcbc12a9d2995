namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The scalar arithmetic of one kiss_fft build (its <c>_kiss_fft_guts.h</c> macros for one <c>kiss_fft_scalar</c>).
/// Implemented by small structs only (<see cref="KissFftInt16"/>, <see cref="KissFftInt32"/>,
/// <see cref="KissFftFloat"/>) so <see cref="KissFft{T, TArithmetic}"/> is specialized per build with no virtual calls.
/// Every operation returns a value already narrowed to <typeparamref name="T"/>, which is where kiss_fft stores it.
/// </summary>
public interface IKissArithmetic<T> where T : unmanaged
{
    T Add(T a, T b);

    T Subtract(T a, T b);

    T Negate(T a);

    /// <summary><c>HALF_OF</c>: an arithmetic shift in the fixed-point builds, a multiply by 0.5 in the float build.</summary>
    T Half(T a);

    /// <summary><c>S_MUL</c> / <c>C_MULBYSCALAR</c>: the product of two scalars (rounded back to the fraction bits).</summary>
    T Multiply(T a, T b);

    /// <summary><c>C_MUL</c>: the complex product; the fixed-point builds round each component once.</summary>
    KissComplex<T> Multiply(KissComplex<T> a, KissComplex<T> b);

    /// <summary><c>C_FIXDIV</c>: the fixed-point builds divide by the radix at every stage; the float build does not.</summary>
    void DivideByRadix(ref KissComplex<T> c, int radix);

    /// <summary><c>KISS_FFT_COS</c> / <c>KISS_FFT_SIN</c>: a twiddle component from its double value.</summary>
    T Twiddle(SoftDouble value);
}
