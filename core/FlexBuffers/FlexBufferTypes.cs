using System;

namespace TfLiteMicro.FlexBuffers;

/// <summary>Classification of <see cref="FlexBufferType"/> values, following the FlexBuffers specification.</summary>
public static class FlexBufferTypes
{
    /// <summary>True for values stored in the parent's slot itself rather than behind an offset.</summary>
    public static bool IsInline(FlexBufferType type) => type <= FlexBufferType.Float || type == FlexBufferType.Bool;

    /// <summary>Vectors whose elements all share one type and whose length is stored before them.</summary>
    public static bool IsTypedVector(FlexBufferType type) =>
        (type >= FlexBufferType.VectorInt && type <= FlexBufferType.VectorString) || type == FlexBufferType.VectorBool;

    /// <summary>Vectors of 2, 3 or 4 numbers whose length is implied by the type (no length prefix).</summary>
    public static bool IsFixedTypedVector(FlexBufferType type) =>
        type >= FlexBufferType.VectorInt2 && type <= FlexBufferType.VectorFloat4;

    /// <summary>Element type of a typed or fixed typed vector.</summary>
    public static FlexBufferType ElementType(FlexBufferType vectorType)
    {
        if (vectorType == FlexBufferType.VectorBool) return FlexBufferType.Bool;
        if (IsFixedTypedVector(vectorType))
            return (FlexBufferType)((vectorType - FlexBufferType.VectorInt2) % 3 + (int)FlexBufferType.Int);
        return (FlexBufferType)(vectorType - FlexBufferType.VectorInt + (int)FlexBufferType.Int);
    }

    /// <summary>Element count implied by a fixed typed vector type (2, 3 or 4).</summary>
    public static int FixedLength(FlexBufferType vectorType) => (vectorType - FlexBufferType.VectorInt2) / 3 + 2;

    public static System.ReadOnlySpan<byte> Name(FlexBufferType type)
    {
        switch (type)
        {
            case FlexBufferType.Null: return "NULL"u8;
            case FlexBufferType.Int: return "INT"u8;
            case FlexBufferType.UInt: return "UINT"u8;
            case FlexBufferType.Float: return "FLOAT"u8;
            case FlexBufferType.Key: return "KEY"u8;
            case FlexBufferType.String: return "STRING"u8;
            case FlexBufferType.IndirectInt: return "INDIRECT_INT"u8;
            case FlexBufferType.IndirectUInt: return "INDIRECT_UINT"u8;
            case FlexBufferType.IndirectFloat: return "INDIRECT_FLOAT"u8;
            case FlexBufferType.Map: return "MAP"u8;
            case FlexBufferType.Vector: return "VECTOR"u8;
            case FlexBufferType.VectorInt: return "VECTOR_INT"u8;
            case FlexBufferType.VectorUInt: return "VECTOR_UINT"u8;
            case FlexBufferType.VectorFloat: return "VECTOR_FLOAT"u8;
            case FlexBufferType.VectorKey: return "VECTOR_KEY"u8;
            case FlexBufferType.VectorString: return "VECTOR_STRING"u8;
            case FlexBufferType.VectorInt2: return "VECTOR_INT2"u8;
            case FlexBufferType.VectorUInt2: return "VECTOR_UINT2"u8;
            case FlexBufferType.VectorFloat2: return "VECTOR_FLOAT2"u8;
            case FlexBufferType.VectorInt3: return "VECTOR_INT3"u8;
            case FlexBufferType.VectorUInt3: return "VECTOR_UINT3"u8;
            case FlexBufferType.VectorFloat3: return "VECTOR_FLOAT3"u8;
            case FlexBufferType.VectorInt4: return "VECTOR_INT4"u8;
            case FlexBufferType.VectorUInt4: return "VECTOR_UINT4"u8;
            case FlexBufferType.VectorFloat4: return "VECTOR_FLOAT4"u8;
            case FlexBufferType.Blob: return "BLOB"u8;
            case FlexBufferType.Bool: return "BOOL"u8;
            case FlexBufferType.VectorBool: return "VECTOR_BOOL"u8;
            default: return "UNKNOWN"u8;
        }
    }
}
