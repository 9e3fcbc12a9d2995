using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// A FlexBuffers vector read in place: untyped (each element carries its own type byte), typed (one element type,
/// e.g. VECTOR_INT) or fixed typed (2 to 4 numbers). Its extent was checked against the buffer when it was
/// created, so element access only has to check the index.
/// </summary>
public readonly ref struct FlexVector
{
    private readonly ReadOnlySpan<byte> buffer;
    private readonly long start;
    private readonly int width;

    private FlexVector(ReadOnlySpan<byte> buffer, long start, int width, int count, FlexBufferType vectorType)
    {
        this.buffer = buffer;
        this.start = start;
        this.width = width;
        Count = count;
        VectorType = vectorType;
    }

    public int Count { get; }

    /// <summary>The vector's own type (VECTOR, MAP, VECTOR_INT, VECTOR_FLOAT3, ...).</summary>
    public FlexBufferType VectorType { get; }

    /// <summary>True when every element has its own type byte (VECTOR or a map's values).</summary>
    public bool IsUntyped => VectorType == FlexBufferType.Vector || VectorType == FlexBufferType.Map;

    /// <summary>Byte width of each element slot (1, 2, 4 or 8).</summary>
    public int ElementWidth => width;

    /// <summary>
    /// Checks the vector at <paramref name="start"/> (its first element) lies inside the buffer: the length prefix
    /// before it, the elements, and for untyped vectors the type bytes after them.
    /// </summary>
    internal static FlexError Create(ReadOnlySpan<byte> buffer, long start, int width, FlexBufferType vectorType, out FlexVector vector)
    {
        vector = default;
        if (!FlexBufferBytes.IsValidWidth(width)) return FlexError.BadWidth;
        long count;
        if (FlexBufferTypes.IsFixedTypedVector(vectorType))
        {
            count = FlexBufferTypes.FixedLength(vectorType);
        }
        else
        {
            FlexError error = FlexBufferBytes.ReadUInt(buffer, start - width, width, out ulong length);
            if (error != FlexError.None) return error;
            if (length > (ulong)buffer.Length) return FlexError.OutOfBounds;
            count = (long)length;
        }
        bool untyped = vectorType == FlexBufferType.Vector || vectorType == FlexBufferType.Map;
        long bytes = count * width + (untyped ? count : 0);
        if (!FlexBufferBytes.InBounds(buffer, start, bytes)) return FlexError.OutOfBounds;
        vector = new FlexVector(buffer, start, width, (int)count, vectorType);
        return FlexError.None;
    }

    /// <summary>Element <paramref name="index"/>; false when the index is outside 0..Count-1.</summary>
    public bool TryGet(int index, out FlexReference element)
    {
        element = default;
        if (index < 0 || index >= Count) return false;
        long slot = start + (long)index * width;
        if (IsUntyped)
        {
            byte packed = buffer[(int)(start + (long)Count * width + index)];
            element = FlexReference.FromPacked(buffer, slot, width, packed);
        }
        else
        {
            element = new FlexReference(buffer, slot, width, 1, FlexBufferTypes.ElementType(VectorType));
        }
        return true;
    }

    public Status Get(int index, ErrorReporter errors, out FlexReference element)
    {
        if (TryGet(index, out element)) return Status.Ok;
        return errors.Fail(Status.MalformedModel, "FlexBuffer: vector index "u8).Append(index).Append(" is outside 0.."u8)
            .Append(Count - 1);
    }

    public Status GetInt64(int index, ErrorReporter errors, out long value)
    {
        value = 0;
        Status status = Get(index, errors, out FlexReference element);
        return status != Status.Ok ? status : Element(errors, element.ReadInt64(out value), element.Type, index, "an integer"u8);
    }

    public Status GetInt32(int index, ErrorReporter errors, out int value)
    {
        value = 0;
        Status status = GetInt64(index, errors, out long wide);
        if (status != Status.Ok) return status;
        if (wide < int.MinValue || wide > int.MaxValue)
            return errors.Fail(Status.MalformedModel, "FlexBuffer: vector element "u8).Append(index).Append(" = "u8).Append(wide)
                .Append(" does not fit a 32-bit integer"u8);
        value = (int)wide;
        return Status.Ok;
    }

    public Status GetFloat(int index, ErrorReporter errors, out float value)
    {
        value = 0f;
        Status status = Get(index, errors, out FlexReference element);
        return status != Status.Ok ? status : Element(errors, element.ReadFloat(out value), element.Type, index, "a float"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status Element(ErrorReporter errors, FlexError error, FlexBufferType type, int index, ReadOnlySpan<byte> expected) => ElementCore(errors, error, type, index, ErrorReporter.Text(expected));

    private static Status ElementCore(ErrorReporter errors, FlexError error, FlexBufferType type, int index, ReadOnlySpan<byte> expected)
    {
        if (error == FlexError.None) return Status.Ok;
        return errors.Fail(Status.MalformedModel, "FlexBuffer: vector element "u8).Append(index).Append(" of type "u8)
            .Append(FlexBufferTypes.Name(type)).Append(" cannot be read as "u8).Append(expected).Append(": "u8)
            .Append(FlexBufferBytes.Describe(error));
    }
}
