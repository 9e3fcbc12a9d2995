namespace System;

[AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
public sealed class CLSCompliantAttribute : Attribute
{
    public CLSCompliantAttribute(bool isCompliant)
    {
        IsCompliant = isCompliant;
    }

    public bool IsCompliant { get; }
}
