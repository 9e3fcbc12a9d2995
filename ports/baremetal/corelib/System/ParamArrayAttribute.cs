namespace System;

/// <summary>
/// Marks <c>params</c> parameters. Note that every call to a <c>params T[]</c> method allocates the array: avoid
/// them in device code (prefer <c>ReadOnlySpan&lt;T&gt;</c> parameters).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class ParamArrayAttribute : Attribute
{
    public ParamArrayAttribute()
    {
    }
}
