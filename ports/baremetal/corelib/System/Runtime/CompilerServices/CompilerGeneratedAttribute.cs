namespace System.Runtime.CompilerServices;

/// <summary>Marks code the compiler wrote (fixed-buffer types, lambdas).</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class CompilerGeneratedAttribute : Attribute
{
    public CompilerGeneratedAttribute()
    {
    }
}
