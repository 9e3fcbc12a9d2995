namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// A complex value as kiss_fft stores it (real part first): <c>short</c> for the Q15 build, <c>int</c> for the Q31
/// build, <c>float</c> for the float build. Tensors of complex bins are read and written through this layout.
/// </summary>
public struct KissComplex<T> where T : unmanaged
{
    public T R;
    public T I;

    public KissComplex(T r, T i)
    {
        R = r;
        I = i;
    }
}
