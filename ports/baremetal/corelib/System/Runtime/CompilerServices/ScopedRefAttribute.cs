namespace System.Runtime.CompilerServices;

/// <summary>Marks <c>scoped</c> parameters.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ScopedRefAttribute : Attribute
{
    public ScopedRefAttribute()
    {
    }
}
