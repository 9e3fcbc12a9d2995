namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DoesNotReturnAttribute : Attribute
{
    public DoesNotReturnAttribute()
    {
    }
}
