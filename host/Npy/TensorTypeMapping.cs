
namespace TfLiteMicro.Npy;

/// <summary>Which tensor types have a .npy dtype (and back).</summary>
public static class TensorTypeMapping
{
    public static bool TryGetNpyType(TensorType type, out NpyDType dtype)
    {
        NpyDType? mapped = type switch
        {
            TensorType.Bool => NpyDType.Bool,
            TensorType.Int8 => NpyDType.Int8,
            TensorType.UInt8 => NpyDType.UInt8,
            TensorType.Int16 => NpyDType.Int16,
            TensorType.UInt16 => NpyDType.UInt16,
            TensorType.Int32 => NpyDType.Int32,
            TensorType.UInt32 => NpyDType.UInt32,
            TensorType.Int64 => NpyDType.Int64,
            TensorType.UInt64 => NpyDType.UInt64,
            TensorType.Float16 => NpyDType.Float16,
            TensorType.Float32 => NpyDType.Float32,
            TensorType.Float64 => NpyDType.Float64,
            _ => null,
        };
        dtype = mapped.GetValueOrDefault();
        return mapped.HasValue;
    }

    /// <summary>The NumPy dtype name of a tensor type ("int8"), or the schema name in lower case when NumPy has none.</summary>
    public static string NpyName(TensorType type) =>
        TryGetNpyType(type, out NpyDType dtype) ? NpyDTypes.Name(dtype) : TensorTypes.NameText(type).ToLowerInvariant();
}
