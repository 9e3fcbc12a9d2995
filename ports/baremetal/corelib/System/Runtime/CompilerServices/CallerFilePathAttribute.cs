namespace System.Runtime.CompilerServices;

/// <summary>The compiler passes the calling file's path (a literal, no allocation).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerFilePathAttribute : Attribute
{
    public CallerFilePathAttribute()
    {
    }
}
