namespace System.Runtime.InteropServices;

/// <summary>Makes a static method callable from C (interrupt handlers, the board's entry point).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    public Type[]? CallConvs;
    public string? EntryPoint;

    public UnmanagedCallersOnlyAttribute()
    {
    }
}
