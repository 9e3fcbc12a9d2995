namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class NotNullAttribute : Attribute
{
    public NotNullAttribute()
    {
    }
}
