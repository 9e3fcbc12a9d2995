using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// Constant data of the model (schema table <c>Buffer</c>). <see cref="Length"/> 0 means "not a constant tensor".
/// Data is either inline (the <c>data</c> vector) or, in models larger than 2 GB, stored after the FlatBuffer at
/// <c>offset</c>/<c>size</c> from the start of the model bytes (used only when offset &gt; 1, as the schema says).
/// </summary>
public readonly unsafe struct Buffer
{
    internal Buffer(byte* data, int length)
    {
        Data = data;
        Length = length;
    }

    /// <summary>First byte, or null when empty.</summary>
    public byte* Data { get; }

    public int Length { get; }

    public bool IsEmpty => Length == 0;

    public ReadOnlySpan<byte> Bytes => new ReadOnlySpan<byte>(Data, Length);

    /// <summary>Resolves a Buffer table against the model bytes; anything out of bounds gives an empty buffer.</summary>
    internal static Buffer FromTable(Table table, byte* modelData, int modelLength)
    {
        ByteVector inline = table.GetByteVector(SchemaFieldIds.Buffer.Data);
        if (inline.Count > 0) return new Buffer(inline.Items, inline.Count);
        ulong offset = table.GetScalar<ulong>(SchemaFieldIds.Buffer.Offset, 0);
        ulong size = table.GetScalar<ulong>(SchemaFieldIds.Buffer.Size, 0);
        if (!IsExternalRangeValid(offset, size, modelLength) || size == 0) return default;
        return new Buffer(modelData + offset, (int)size);
    }

    /// <summary>True when offset/size are unused (offset &lt;= 1) or lie inside the model bytes.</summary>
    internal static bool IsExternalRangeValid(ulong offset, ulong size, int modelLength)
    {
        if (offset <= 1) return true;
        return offset <= (ulong)modelLength && size <= (ulong)modelLength - offset;
    }
}
