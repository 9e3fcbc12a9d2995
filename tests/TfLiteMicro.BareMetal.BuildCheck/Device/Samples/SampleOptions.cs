namespace TfLiteMicro.BareMetal.Samples;

/// <summary>init and required members.</summary>
public sealed class SampleOptions
{
    public int Size { get; init; }

    public required int Count { get; set; }
}
