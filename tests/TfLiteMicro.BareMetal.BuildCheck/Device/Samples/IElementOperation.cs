namespace TfLiteMicro.BareMetal.Samples;

/// <summary>An operation used as a struct generic constraint (always devirtualized by ilc).</summary>
public interface IElementOperation
{
    int Apply(int value);
}
