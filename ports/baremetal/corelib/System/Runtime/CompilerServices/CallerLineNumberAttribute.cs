namespace System.Runtime.CompilerServices;

/// <summary>The compiler passes the calling line number.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerLineNumberAttribute : Attribute
{
    public CallerLineNumberAttribute()
    {
    }
}
