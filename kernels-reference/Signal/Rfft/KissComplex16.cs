namespace TfLiteMicro.Kernels.Reference;

/// <summary>A Q15 complex value as kiss_fft stores it with <c>FIXED_POINT=16</c> (real part first).</summary>
public struct KissComplex16
{
    public short R;
    public short I;

    public KissComplex16(short r, short i)
    {
        R = r;
        I = i;
    }
}
