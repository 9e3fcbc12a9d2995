namespace TfLiteMicro.BareMetal.Samples;

/// <summary>A C-style fixed buffer inside a struct.</summary>
public unsafe struct FixedBufferHolder
{
    public fixed int Values[4];
}
