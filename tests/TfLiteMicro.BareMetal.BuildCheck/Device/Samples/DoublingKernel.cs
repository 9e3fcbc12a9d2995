namespace TfLiteMicro.BareMetal.Samples;

public sealed class DoublingKernel : SampleKernel
{
    public override int Eval(int value) => value * 2;
}
