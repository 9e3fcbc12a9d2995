namespace System.Runtime.CompilerServices;

/// <summary>Overlay for a boxed value: the first byte of the value after the MethodTable pointer.</summary>
internal sealed class RawData
{
#pragma warning disable CS0649 // overlay only
    public byte Data;
#pragma warning restore CS0649
}
