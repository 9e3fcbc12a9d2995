namespace System.Runtime.CompilerServices;

/// <summary>Marks the structs the compiler generates for fixed-size buffers.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class UnsafeValueTypeAttribute : Attribute
{
    public UnsafeValueTypeAttribute()
    {
    }
}
