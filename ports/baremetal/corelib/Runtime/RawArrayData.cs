namespace System.Runtime.CompilerServices;

/// <summary>Overlay for an array object: the element count, then the first element (32-bit layout).</summary>
internal sealed class RawArrayData
{
#pragma warning disable CS0649 // overlay only
    public uint Length;
    public byte Data;
#pragma warning restore CS0649
}
