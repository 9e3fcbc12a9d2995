namespace System.Runtime.InteropServices;

/// <summary>Also the modifier the compiler puts on <c>in</c> / <c>ref readonly</c> parameters of virtual methods.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class InAttribute : Attribute
{
    public InAttribute()
    {
    }
}
