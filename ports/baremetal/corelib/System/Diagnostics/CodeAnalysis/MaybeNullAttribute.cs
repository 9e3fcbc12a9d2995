namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class MaybeNullAttribute : Attribute
{
    public MaybeNullAttribute()
    {
    }
}
