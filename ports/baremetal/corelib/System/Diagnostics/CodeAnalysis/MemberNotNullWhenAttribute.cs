namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only). Only the single-member form.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class MemberNotNullWhenAttribute : Attribute
{
    public MemberNotNullWhenAttribute(bool returnValue, string member)
    {
        ReturnValue = returnValue;
        Members = new[] { member };
    }

    public bool ReturnValue { get; }

    public string[] Members { get; }
}
