using System.Runtime.CompilerServices;

namespace TfLiteMicro.BareMetal.Samples;

/// <summary>An inline array: a fixed-size buffer of any element type, indexable like a span.</summary>
[InlineArray(4)]
public struct FourInts
{
    private int element0;
}
