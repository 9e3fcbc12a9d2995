namespace TfLiteMicro.BareMetal.Samples;

/// <summary>A ref struct with a ref field (needs RuntimeFeature.ByRefFields).</summary>
public ref struct IntCursor
{
    private ref int current;

    public IntCursor(ref int start)
    {
        current = ref start;
    }

    public int Value => current;
}
