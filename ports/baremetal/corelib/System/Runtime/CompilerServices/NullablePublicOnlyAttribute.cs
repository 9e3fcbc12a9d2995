namespace System.Runtime.CompilerServices;

/// <summary>Marks a module whose nullable annotations cover only its public API. Internal, as in the BCL.</summary>
[AttributeUsage(AttributeTargets.Module, Inherited = false)]
internal sealed class NullablePublicOnlyAttribute : Attribute
{
    public readonly bool IncludesInternals;

    public NullablePublicOnlyAttribute(bool value)
    {
        IncludesInternals = value;
    }
}
