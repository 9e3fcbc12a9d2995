using System;

namespace TfLiteMicro.Host;

/// <summary>Which C# element type reads which tensor type (the check behind every typed access of the host API).</summary>
public static class ElementTypes
{
    /// <summary>
    /// True when <typeparamref name="T"/> is the tensor type's element type: float = FLOAT32, sbyte = INT8,
    /// byte = UINT8, bool/byte = BOOL, short = INT16, ushort = UINT16, int = INT32, uint = UINT32, long = INT64,
    /// ulong = UINT64, double = FLOAT64, Half = FLOAT16.
    /// </summary>
    public static bool Matches<T>(TensorType type) where T : unmanaged
    {
        Type t = typeof(T);
        return type switch
        {
            TensorType.Float32 => t == typeof(float),
            TensorType.Int8 => t == typeof(sbyte),
            TensorType.UInt8 => t == typeof(byte),
            TensorType.Bool => t == typeof(bool) || t == typeof(byte),
            TensorType.Int16 => t == typeof(short),
            TensorType.UInt16 => t == typeof(ushort),
            TensorType.Int32 => t == typeof(int),
            TensorType.UInt32 => t == typeof(uint),
            TensorType.Int64 => t == typeof(long),
            TensorType.UInt64 => t == typeof(ulong),
            TensorType.Float64 => t == typeof(double),
            TensorType.Float16 => t == typeof(Half),
            _ => false,
        };
    }

    /// <summary>The C# type to read a tensor type with ("sbyte" for INT8); null when there is none (INT4, STRING, ...).</summary>
    public static string? CSharpName(TensorType type) => type switch
    {
        TensorType.Float32 => "float",
        TensorType.Int8 => "sbyte",
        TensorType.UInt8 => "byte",
        TensorType.Bool => "bool",
        TensorType.Int16 => "short",
        TensorType.UInt16 => "ushort",
        TensorType.Int32 => "int",
        TensorType.UInt32 => "uint",
        TensorType.Int64 => "long",
        TensorType.UInt64 => "ulong",
        TensorType.Float64 => "double",
        TensorType.Float16 => "Half",
        _ => null,
    };

    /// <summary>Throws when <typeparamref name="T"/> does not read <paramref name="type"/>, saying what would.</summary>
    public static void Check<T>(TensorType type, string what) where T : unmanaged
    {
        if (Matches<T>(type)) return;
        string? right = CSharpName(type);
        throw new InvalidOperationException(what + " is " + TensorTypes.NameText(type) + "; "
            + (right != null ? "read it as " + right + ", not " + typeof(T).Name : "it has no C# element type")
            + (type is TensorType.Int8 or TensorType.Int16 or TensorType.UInt8 ? " (or use ToFloats / SetFloats to (de)quantize)" : ""));
    }
}
