namespace TfLiteMicro.Npy;

/// <summary>The element types this tool reads and writes (all little-endian, as NumPy writes them on x86/ARM).</summary>
public enum NpyDType
{
    Bool,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float16,
    Float32,
    Float64,
}
