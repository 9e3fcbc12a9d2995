namespace System.Reflection;

/// <summary>The compiler emits it on every type that declares an indexer.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
public sealed class DefaultMemberAttribute : Attribute
{
    public DefaultMemberAttribute(string memberName)
    {
        MemberName = memberName;
    }

    public string MemberName { get; }
}
