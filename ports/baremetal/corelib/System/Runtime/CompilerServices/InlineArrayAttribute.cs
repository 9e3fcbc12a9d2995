namespace System.Runtime.CompilerServices;

/// <summary>A struct of one field repeated <see cref="Length"/> times: a fixed-size buffer of any element type.</summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false)]
public sealed class InlineArrayAttribute : Attribute
{
    public InlineArrayAttribute(int length)
    {
        Length = length;
    }

    public int Length { get; }
}
