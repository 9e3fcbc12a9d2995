namespace TfLiteMicro.BareMetal.Samples;

public struct AddOne : IElementOperation
{
    public int Apply(int value) => value + 1;
}
