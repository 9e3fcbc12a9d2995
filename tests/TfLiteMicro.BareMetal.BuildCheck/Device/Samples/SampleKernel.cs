namespace TfLiteMicro.BareMetal.Samples;

/// <summary>Virtual dispatch through an abstract base class, the device-friendly alternative to interfaces.</summary>
public abstract class SampleKernel
{
    public abstract int Eval(int value);
}
