namespace System.Runtime.InteropServices;

/// <summary>Controls field layout of structs shared with native code or overlaid on model/arena memory.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StructLayoutAttribute : Attribute
{
    public int Pack;
    public int Size;
    public CharSet CharSet;

    public StructLayoutAttribute(LayoutKind layoutKind)
    {
        Value = layoutKind;
    }

    public StructLayoutAttribute(short layoutKind)
    {
        Value = (LayoutKind)layoutKind;
    }

    public LayoutKind Value { get; }
}
