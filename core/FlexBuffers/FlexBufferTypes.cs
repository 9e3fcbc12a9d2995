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

    public static string Name(FlexBufferType type)
    {
        switch (type)
        {
            case FlexBufferType.Null: return "NULL";
            case FlexBufferType.Int: return "INT";
            case FlexBufferType.UInt: return "UINT";
            case FlexBufferType.Float: return "FLOAT";
            case FlexBufferType.Key: return "KEY";
            case FlexBufferType.String: return "STRING";
            case FlexBufferType.IndirectInt: return "INDIRECT_INT";
            case FlexBufferType.IndirectUInt: return "INDIRECT_UINT";
            case FlexBufferType.IndirectFloat: return "INDIRECT_FLOAT";
            case FlexBufferType.Map: return "MAP";
            case FlexBufferType.Vector: return "VECTOR";
            case FlexBufferType.VectorInt: return "VECTOR_INT";
            case FlexBufferType.VectorUInt: return "VECTOR_UINT";
            case FlexBufferType.VectorFloat: return "VECTOR_FLOAT";
            case FlexBufferType.VectorKey: return "VECTOR_KEY";
            case FlexBufferType.VectorString: return "VECTOR_STRING";
            case FlexBufferType.VectorInt2: return "VECTOR_INT2";
            case FlexBufferType.VectorUInt2: return "VECTOR_UINT2";
            case FlexBufferType.VectorFloat2: return "VECTOR_FLOAT2";
            case FlexBufferType.VectorInt3: return "VECTOR_INT3";
            case FlexBufferType.VectorUInt3: return "VECTOR_UINT3";
            case FlexBufferType.VectorFloat3: return "VECTOR_FLOAT3";
            case FlexBufferType.VectorInt4: return "VECTOR_INT4";
            case FlexBufferType.VectorUInt4: return "VECTOR_UINT4";
            case FlexBufferType.VectorFloat4: return "VECTOR_FLOAT4";
            case FlexBufferType.Blob: return "BLOB";
            case FlexBufferType.Bool: return "BOOL";
            case FlexBufferType.VectorBool: return "VECTOR_BOOL";
            default: return "UNKNOWN";
        }
    }
}
