namespace System.Runtime.CompilerServices;

/// <summary>The compiler passes the calling member's name (a literal, no allocation).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerMemberNameAttribute : Attribute
{
    public CallerMemberNameAttribute()
    {
    }
}
