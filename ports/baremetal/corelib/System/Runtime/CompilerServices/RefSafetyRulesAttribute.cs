namespace System.Runtime.CompilerServices;

/// <summary>Records which ref-safety rules (C# 11+) a module was compiled with.</summary>
[AttributeUsage(AttributeTargets.Module, Inherited = false, AllowMultiple = false)]
public sealed class RefSafetyRulesAttribute : Attribute
{
    public RefSafetyRulesAttribute(int version)
    {
        Version = version;
    }

    public int Version { get; }
}
