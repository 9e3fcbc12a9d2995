namespace TfLiteMicro.BareMetal.BuildCheck;

/// <summary>One place where compiled device code uses float64.</summary>
/// <param name="Member">Type and member, e.g. <c>TfLiteMicro.Foo.Bar</c>.</param>
/// <param name="Source">file:line from the PDB, or the IL offset when no line is known.</param>
/// <param name="What">The instruction or declaration, e.g. <c>ldc.r8 0.5</c>.</param>
public sealed record DoubleUsage(string Member, string Source, string What)
{
    public override string ToString() => Source + ": " + Member + ": " + What;
}
