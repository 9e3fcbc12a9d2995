namespace System.Runtime.InteropServices;

/// <summary>
/// Calls a native function. On the device use library name "*" (ilc links the symbol statically) for board and
/// kernel-port C code; parameters must be blittable (no marshalling support exists).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DllImportAttribute : Attribute
{
    public string? EntryPoint;
    public CharSet CharSet;
    public bool SetLastError;
    public bool ExactSpelling;
    public CallingConvention CallingConvention;
    public bool BestFitMapping;
    public bool PreserveSig;
    public bool ThrowOnUnmappableChar;

    public DllImportAttribute(string dllName)
    {
        Value = dllName;
    }

    public string Value { get; }
}
