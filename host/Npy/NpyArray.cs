using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Npy;

/// <summary>
/// An n-dimensional array as stored in a .npy file: element type, shape (C order; empty for a scalar) and the raw
/// little-endian element bytes.
/// </summary>
public sealed class NpyArray
{
    private readonly int[] shape;

    public NpyArray(NpyDType dtype, ReadOnlySpan<int> shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long elements = CountElements(shape);
        long expectedBytes = elements * NpyDTypes.ElementSize(dtype);
        if (data.Length != expectedBytes)
        {
            throw new ArgumentException(
                "array of shape " + FormatShape(shape) + " and dtype " + NpyDTypes.Name(dtype) + " needs " + expectedBytes
                + " bytes, got " + data.Length, nameof(data));
        }
        DType = dtype;
        this.shape = shape.ToArray();
        Data = data;
    }

    public NpyDType DType { get; }

    /// <summary>Dimensions, outermost first; empty for a 0-d (scalar) array.</summary>
    public ReadOnlySpan<int> Shape => shape;

    public int Rank => shape.Length;

    public int ElementCount => (int)CountElements(shape);

    /// <summary>The elements' bytes in C order.</summary>
    public byte[] Data { get; }

    /// <summary>Wraps a copy of <paramref name="values"/> with the given shape.</summary>
    public static NpyArray Create<T>(NpyDType dtype, ReadOnlySpan<int> shape, ReadOnlySpan<T> values) where T : unmanaged
    {
        byte[] bytes = MemoryMarshal.AsBytes(values).ToArray();
        return new NpyArray(dtype, shape, bytes);
    }

    /// <summary>The elements reinterpreted as <typeparamref name="T"/>, which must match the dtype's size.</summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (size != NpyDTypes.ElementSize(DType))
        {
            throw new InvalidOperationException(
                "cannot view " + NpyDTypes.Name(DType) + " elements as " + typeof(T).Name + " (size " + size + ")");
        }
        return MemoryMarshal.Cast<byte, T>(Data);
    }

    /// <summary>NumPy's notation: "()", "(5,)", "(1, 16)".</summary>
    public static string FormatShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 1) return "(" + shape[0] + ",)";
        return "(" + string.Join(", ", shape.ToArray()) + ")";
    }

    /// <summary>Compact list notation used in traces and messages: "[]", "[1,16]".</summary>
    public static string FormatShapeList(ReadOnlySpan<int> shape) => "[" + string.Join(",", shape.ToArray()) + "]";

    public override string ToString() => NpyDTypes.Name(DType) + FormatShape(shape);

    private static long CountElements(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 0) throw new ArgumentException("negative dimension in shape " + FormatShape(shape), nameof(shape));
            count *= dimension;
            if (count > int.MaxValue) throw new ArgumentException("shape " + FormatShape(shape) + " has too many elements", nameof(shape));
        }
        return count;
    }
}
