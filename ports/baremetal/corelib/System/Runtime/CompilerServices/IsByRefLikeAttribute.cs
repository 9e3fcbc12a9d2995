namespace System.Runtime.CompilerServices;

/// <summary>Marks <c>ref struct</c> types.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class IsByRefLikeAttribute : Attribute
{
    public IsByRefLikeAttribute()
    {
    }
}
