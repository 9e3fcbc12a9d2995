namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only).</summary>
[AttributeUsage(AttributeTargets.Constructor, Inherited = false)]
public sealed class SetsRequiredMembersAttribute : Attribute
{
    public SetsRequiredMembersAttribute()
    {
    }
}
