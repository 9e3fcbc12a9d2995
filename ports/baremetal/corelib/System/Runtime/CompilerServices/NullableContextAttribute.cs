namespace System.Runtime.CompilerServices;

/// <summary>Default nullability of a scope (see <see cref="NullableAttribute"/>). Internal, as in the BCL.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Delegate | AttributeTargets.Interface | AttributeTargets.Method
    | AttributeTargets.Struct, Inherited = false)]
internal sealed class NullableContextAttribute : Attribute
{
    public readonly byte Flag;

    public NullableContextAttribute(byte value)
    {
        Flag = value;
    }
}
