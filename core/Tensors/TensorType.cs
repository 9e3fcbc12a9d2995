using System;

namespace TfLiteMicro;

/// <summary>Element type of a tensor. Values are the TFLite schema's <c>TensorType</c> codes.</summary>
public enum TensorType : byte
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
    String = 5,
    Bool = 6,
    Int16 = 7,
    Complex64 = 8,
    Int8 = 9,
    Float64 = 10,
    Complex128 = 11,
    UInt64 = 12,
    Resource = 13,
    Variant = 14,
    UInt32 = 15,
    UInt16 = 16,
    Int4 = 17,
    BFloat16 = 18,
    Int2 = 19,
    UInt4 = 20,
    Float8E4M3FN = 21,
    Float8E5M2 = 22,
}

/// <summary>Sizes and names of <see cref="TensorType"/> values.</summary>
public static partial class TensorTypes
{
    /// <summary>Bytes per element, or 0 for types whose size is not a whole number of bytes (int4, int2) or unknown.</summary>
    public static int ElementSize(TensorType type)
    {
        switch (type)
        {
            case TensorType.Float32: return 4;
            case TensorType.Float16: return 2;
            case TensorType.Int32: return 4;
            case TensorType.UInt8: return 1;
            case TensorType.Int64: return 8;
            case TensorType.String: return 1;
            case TensorType.Bool: return 1;
            case TensorType.Int16: return 2;
            case TensorType.Complex64: return 8;
            case TensorType.Int8: return 1;
            case TensorType.Float64: return 8;
            case TensorType.Complex128: return 16;
            case TensorType.UInt64: return 8;
            case TensorType.Resource: return 4;
            case TensorType.Variant: return 4;
            case TensorType.UInt32: return 4;
            case TensorType.UInt16: return 2;
            case TensorType.BFloat16: return 2;
            case TensorType.Float8E4M3FN: return 1;
            case TensorType.Float8E5M2: return 1;
            default: return 0;
        }
    }

    /// <summary>
    /// Bytes needed for <paramref name="elementCount"/> elements, rounding packed sub-byte types up
    /// (int4: two per byte), as TFLM's <c>BytesRequiredForTensor</c> does. Returns -1 for unknown types.
    /// </summary>
    public static long BytesFor(TensorType type, long elementCount)
    {
        switch (type)
        {
            case TensorType.Int4:
            case TensorType.UInt4:
                return (elementCount + 1) / 2;
            case TensorType.Int2:
                return (elementCount + 3) / 4;
        }
        int size = ElementSize(type);
        return size == 0 ? -1 : elementCount * size;
    }

    /// <summary>Upper-case schema name, as TFLM prints it ("INT8", "FLOAT32").</summary>
    public static System.ReadOnlySpan<byte> Name(TensorType type)
    {
        switch (type)
        {
            case TensorType.Float32: return "FLOAT32"u8;
            case TensorType.Float16: return "FLOAT16"u8;
            case TensorType.Int32: return "INT32"u8;
            case TensorType.UInt8: return "UINT8"u8;
            case TensorType.Int64: return "INT64"u8;
            case TensorType.String: return "STRING"u8;
            case TensorType.Bool: return "BOOL"u8;
            case TensorType.Int16: return "INT16"u8;
            case TensorType.Complex64: return "COMPLEX64"u8;
            case TensorType.Int8: return "INT8"u8;
            case TensorType.Float64: return "FLOAT64"u8;
            case TensorType.Complex128: return "COMPLEX128"u8;
            case TensorType.UInt64: return "UINT64"u8;
            case TensorType.Resource: return "RESOURCE"u8;
            case TensorType.Variant: return "VARIANT"u8;
            case TensorType.UInt32: return "UINT32"u8;
            case TensorType.UInt16: return "UINT16"u8;
            case TensorType.Int4: return "INT4"u8;
            case TensorType.BFloat16: return "BFLOAT16"u8;
            case TensorType.Int2: return "INT2"u8;
            case TensorType.UInt4: return "UINT4"u8;
            case TensorType.Float8E4M3FN: return "FLOAT8_E4M3FN"u8;
            case TensorType.Float8E5M2: return "FLOAT8_E5M2"u8;
            default: return "UNKNOWN"u8;
        }
    }
}
