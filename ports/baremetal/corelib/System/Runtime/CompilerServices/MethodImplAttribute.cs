namespace System.Runtime.CompilerServices;

/// <summary>Inlining and native-call hints; the compiler turns it into method flags.</summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
public sealed class MethodImplAttribute : Attribute
{
    public MethodCodeType MethodCodeType;

    public MethodImplAttribute()
    {
    }

    public MethodImplAttribute(MethodImplOptions methodImplOptions)
    {
        Value = methodImplOptions;
    }

    public MethodImplAttribute(short value)
    {
        Value = (MethodImplOptions)value;
    }

    public MethodImplOptions Value { get; }
}
