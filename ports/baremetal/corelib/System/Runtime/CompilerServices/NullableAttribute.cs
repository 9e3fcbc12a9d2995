namespace System.Runtime.CompilerServices;

/// <summary>
/// Nullable-reference annotations of this library's own signatures. Internal, as in the BCL: other assemblies
/// get their own copy synthesized by the compiler.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field | AttributeTargets.GenericParameter
    | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
internal sealed class NullableAttribute : Attribute
{
    public readonly byte[] NullableFlags;

    public NullableAttribute(byte value)
    {
        NullableFlags = new[] { value };
    }

    public NullableAttribute(byte[] value)
    {
        NullableFlags = value;
    }
}
