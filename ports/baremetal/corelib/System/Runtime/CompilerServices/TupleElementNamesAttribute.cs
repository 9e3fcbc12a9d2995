namespace System.Runtime.CompilerServices;

/// <summary>Carries tuple element names in metadata (<c>(int Offset, int Length)</c>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field | AttributeTargets.Parameter
    | AttributeTargets.Property | AttributeTargets.ReturnValue | AttributeTargets.Struct)]
public sealed class TupleElementNamesAttribute : Attribute
{
    public TupleElementNamesAttribute(string?[] transformNames)
    {
    }
}
