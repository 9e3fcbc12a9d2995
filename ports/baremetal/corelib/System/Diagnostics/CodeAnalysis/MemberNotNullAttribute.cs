namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-flow annotation (compile time only). Only the single-member form: the params form allocates.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class MemberNotNullAttribute : Attribute
{
    public MemberNotNullAttribute(string member)
    {
        Members = new[] { member };
    }

    public string[] Members { get; }
}
