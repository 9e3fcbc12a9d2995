namespace TfLiteMicro.Kernels.Reference;

/// <summary>A complex value as kiss_fft stores it in its float build (real part first).</summary>
public struct KissComplexFloat
{
    public float R;
    public float I;

    public KissComplexFloat(float r, float i)
    {
        R = r;
        I = i;
    }
}
