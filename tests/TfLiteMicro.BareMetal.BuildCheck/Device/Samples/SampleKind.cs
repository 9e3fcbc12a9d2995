namespace TfLiteMicro.BareMetal.Samples;

public enum SampleKind : byte
{
    First,
    Second,
    Third,
}
