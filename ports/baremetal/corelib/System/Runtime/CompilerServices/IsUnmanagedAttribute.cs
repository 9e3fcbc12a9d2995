namespace System.Runtime.CompilerServices;

/// <summary>Marks <c>where T : unmanaged</c> constraints.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsUnmanagedAttribute : Attribute
{
    public IsUnmanagedAttribute()
    {
    }
}
