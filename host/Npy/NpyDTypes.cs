using System;

namespace TfLiteMicro.Npy;

/// <summary>Sizes, NumPy names and header descriptors ("&lt;f4") of <see cref="NpyDType"/> values.</summary>
public static class NpyDTypes
{
    public static int ElementSize(NpyDType type) => type switch
    {
        NpyDType.Bool or NpyDType.Int8 or NpyDType.UInt8 => 1,
        NpyDType.Int16 or NpyDType.UInt16 or NpyDType.Float16 => 2,
        NpyDType.Int32 or NpyDType.UInt32 or NpyDType.Float32 => 4,
        NpyDType.Int64 or NpyDType.UInt64 or NpyDType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>NumPy's name of the dtype ("int8", "float32", "bool").</summary>
    public static string Name(NpyDType type) => type switch
    {
        NpyDType.Bool => "bool",
        NpyDType.Int8 => "int8",
        NpyDType.UInt8 => "uint8",
        NpyDType.Int16 => "int16",
        NpyDType.UInt16 => "uint16",
        NpyDType.Int32 => "int32",
        NpyDType.UInt32 => "uint32",
        NpyDType.Int64 => "int64",
        NpyDType.UInt64 => "uint64",
        NpyDType.Float16 => "float16",
        NpyDType.Float32 => "float32",
        NpyDType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>The 'descr' NumPy writes for the dtype: '|' for single bytes, '&lt;' (little-endian) otherwise.</summary>
    public static string Descriptor(NpyDType type) => type switch
    {
        NpyDType.Bool => "|b1",
        NpyDType.Int8 => "|i1",
        NpyDType.UInt8 => "|u1",
        _ => "<" + KindCode(type) + ElementSize(type),
    };

    /// <summary>
    /// Parses a 'descr' string. Accepts the byte-order marks NumPy may write for little-endian data ('&lt;', '|',
    /// '=' on a little-endian host, and any mark for single-byte types); big-endian multi-byte data is refused.
    /// </summary>
    public static bool TryParseDescriptor(string descriptor, out NpyDType type, out string error)
    {
        type = default;
        error = "";
        if (descriptor.Length < 3)
        {
            error = "unsupported dtype '" + descriptor + "'";
            return false;
        }
        char order = descriptor[0];
        string code = descriptor.Substring(1);
        NpyDType? parsed = code switch
        {
            "b1" => NpyDType.Bool,
            "i1" => NpyDType.Int8,
            "u1" => NpyDType.UInt8,
            "i2" => NpyDType.Int16,
            "u2" => NpyDType.UInt16,
            "i4" => NpyDType.Int32,
            "u4" => NpyDType.UInt32,
            "i8" => NpyDType.Int64,
            "u8" => NpyDType.UInt64,
            "f2" => NpyDType.Float16,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => null,
        };
        if (parsed == null || (order != '<' && order != '>' && order != '|' && order != '='))
        {
            error = "unsupported dtype '" + descriptor + "' (supported: bool, int8/16/32/64, uint8/16/32/64, float16/32/64)";
            return false;
        }
        bool singleByte = ElementSize(parsed.Value) == 1;
        bool littleEndian = order == '<' || order == '|' || (order == '=' && BitConverter.IsLittleEndian);
        if (!singleByte && !littleEndian)
        {
            error = "big-endian dtype '" + descriptor + "' is not supported; save the array as little-endian";
            return false;
        }
        type = parsed.Value;
        return true;
    }

    private static char KindCode(NpyDType type) => type switch
    {
        NpyDType.Bool => 'b',
        NpyDType.Int8 or NpyDType.Int16 or NpyDType.Int32 or NpyDType.Int64 => 'i',
        NpyDType.UInt8 or NpyDType.UInt16 or NpyDType.UInt32 or NpyDType.UInt64 => 'u',
        _ => 'f',
    };
}
