namespace System.Runtime.CompilerServices;

/// <summary>Emitted on <c>fixed T name[N]</c> fields: element type and length.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FixedBufferAttribute : Attribute
{
    public FixedBufferAttribute(Type elementType, int length)
    {
        ElementType = elementType;
        Length = length;
    }

    public Type ElementType { get; }

    public int Length { get; }
}
