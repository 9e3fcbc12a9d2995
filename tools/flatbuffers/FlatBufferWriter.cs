using System;
using System.Collections.Generic;
using System.Text;

namespace TfLiteMicro.Tools.FlatBuffers;

/// <summary>
/// A FlatBuffer value to serialize: a table, a vector, a string or raw bytes. The writer lays objects out front to
/// back (a table before the children it points to), which is all the format requires (offsets point forward, a
/// vtable may sit anywhere). Used by <c>tflm compress</c> to write models and by the tests to build them.
/// </summary>
public abstract class FbObject
{
}

public sealed class FbTable : FbObject
{
    internal readonly SortedDictionary<int, FbField> Fields = new SortedDictionary<int, FbField>();

    public FbTable Scalar(int id, byte value) => Put(id, new[] { value }, 1);
    public FbTable Scalar(int id, sbyte value) => Put(id, new[] { (byte)value }, 1);
    public FbTable Scalar(int id, bool value) => Put(id, new[] { value ? (byte)1 : (byte)0 }, 1);
    public FbTable Scalar(int id, short value) => Put(id, BitConverter.GetBytes(value), 2);
    public FbTable Scalar(int id, int value) => Put(id, BitConverter.GetBytes(value), 4);
    public FbTable Scalar(int id, uint value) => Put(id, BitConverter.GetBytes(value), 4);
    public FbTable Scalar(int id, float value) => Put(id, BitConverter.GetBytes(value), 4);
    public FbTable Scalar(int id, long value) => Put(id, BitConverter.GetBytes(value), 8);
    public FbTable Scalar(int id, ulong value) => Put(id, BitConverter.GetBytes(value), 8);

    /// <summary>The sub-object of a reference field, or null when absent.</summary>
    public FbObject? GetChild(int id) => Fields.TryGetValue(id, out FbField? field) ? field.Child : null;

    /// <summary>The bytes of a scalar field, or null when absent.</summary>
    public byte[]? GetRaw(int id) => Fields.TryGetValue(id, out FbField? field) ? field.Bytes : null;

    /// <summary>A scalar field given as its little-endian bytes (1, 2, 4 or 8 of them, aligned to their size).</summary>
    public FbTable Raw(int id, byte[] bytes) => Put(id, bytes, bytes.Length);

    /// <summary>Makes the field absent again (the fuzzer's edits are undone this way).</summary>
    public FbTable Remove(int id)
    {
        Fields.Remove(id);
        return this;
    }

    /// <summary>Ids of the fields present, in increasing order.</summary>
    public System.Collections.Generic.IEnumerable<int> FieldIds => Fields.Keys;

    /// <summary>
    /// A scalar field aligned to <paramref name="alignment"/> within the table, e.g. an 8-byte field at 4 mod 8 as
    /// some third-party writers leave them (with <see cref="MinimumAlignment"/> 8 the absolute position is fixed too).
    /// </summary>
    public FbTable Raw(int id, byte[] bytes, int alignment) => Put(id, bytes, alignment);

    /// <summary>The table start is aligned to at least this (4 by default, or the widest field's alignment).</summary>
    public int MinimumAlignment { get; set; } = 4;

    /// <summary>A reference field (sub-table, vector or string); null leaves the field absent.</summary>
    public FbTable Child(int id, FbObject? child)
    {
        if (child != null) Fields[id] = new FbField(null, 4, child);
        return this;
    }

    private FbTable Put(int id, byte[] bytes, int alignment)
    {
        Fields[id] = new FbField(bytes, alignment, null);
        return this;
    }
}

internal sealed record FbField(byte[]? Bytes, int Alignment, FbObject? Child);

/// <summary>A vector of scalars (raw little-endian element bytes) with its element alignment.</summary>
public sealed class FbScalarVector : FbObject
{
    /// <param name="elementOffset">
    /// Where the first element sits relative to <paramref name="alignment"/> (0: aligned). Some third-party writers
    /// put 8-byte elements at 4 mod 8 (only the length word is aligned); tests use 4 with alignment 8 to build such files.
    /// </param>
    public FbScalarVector(byte[] elementBytes, int elementSize, int alignment = 0, int elementOffset = 0)
    {
        Bytes = elementBytes;
        ElementSize = elementSize;
        Alignment = alignment == 0 ? Math.Max(4, elementSize) : alignment;
        if (elementOffset % 4 != 0 || elementOffset < 0 || elementOffset >= Alignment)
            throw new ArgumentOutOfRangeException(nameof(elementOffset), "the length word must stay 4-byte aligned");
        ElementOffset = elementOffset;
    }

    public byte[] Bytes { get; }
    public int ElementSize { get; }
    public int Alignment { get; }
    public int ElementOffset { get; }

    public static FbScalarVector Of(params int[] values) => new FbScalarVector(ToBytes(values), 4);
    public static FbScalarVector Of(params float[] values) => new FbScalarVector(ToBytes(values), 4);
    public static FbScalarVector Of(params long[] values) => new FbScalarVector(ToBytes(values), 8);
    public static FbScalarVector OfBytes(byte[] values, int alignment = 4) => new FbScalarVector(values, 1, alignment);

    private static byte[] ToBytes<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}

/// <summary>A vector of offsets: tables or strings.</summary>
public sealed class FbTableVector : FbObject
{
    public FbTableVector(IReadOnlyList<FbObject> items) => Items = items;
    public IReadOnlyList<FbObject> Items { get; }
}

public sealed class FbString : FbObject
{
    public FbString(string text) => Utf8 = Encoding.UTF8.GetBytes(text);

    /// <summary>A string given as its bytes, copied as they are (a model's names need not be valid UTF-8).</summary>
    public FbString(byte[] utf8) => Utf8 = utf8;

    public byte[] Utf8 { get; }
}

/// <summary>Serializes an <see cref="FbObject"/> tree into FlatBuffer bytes.</summary>
public static class FlatBufferWriter
{
    public static byte[] Write(FbTable root, string? fileIdentifier)
    {
        List<byte> output = new List<byte>();
        // Root offset (patched) and optional file identifier.
        output.AddRange(new byte[4]);
        if (fileIdentifier != null) output.AddRange(Encoding.ASCII.GetBytes(fileIdentifier));
        int rootPosition = WriteObject(output, root, new Dictionary<string, int>());
        Patch(output, 0, rootPosition - 0);
        // Pad to 16 so tests can place the bytes in aligned memory without reading past the end.
        while (output.Count % 16 != 0) output.Add(0);
        return output.ToArray();
    }

    private static int WriteObject(List<byte> output, FbObject obj, Dictionary<string, int> vtables)
    {
        switch (obj)
        {
            case FbTable table: return WriteTable(output, table, vtables);
            case FbScalarVector vector:
            {
                // Length prefix at position p with (p + 4 - ElementOffset) aligned to the element alignment.
                Align(output, vector.Alignment, 4 - vector.ElementOffset);
                int position = output.Count;
                output.AddRange(BitConverter.GetBytes(vector.Bytes.Length / vector.ElementSize));
                output.AddRange(vector.Bytes);
                return position;
            }
            case FbString text:
            {
                Align(output, 4, 0);
                int position = output.Count;
                byte[] bytes = text.Utf8;
                output.AddRange(BitConverter.GetBytes(bytes.Length));
                output.AddRange(bytes);
                output.Add(0);
                return position;
            }
            case FbTableVector tables:
            {
                Align(output, 4, 0);
                int position = output.Count;
                output.AddRange(BitConverter.GetBytes(tables.Items.Count));
                int firstSlot = output.Count;
                output.AddRange(new byte[4 * tables.Items.Count]);
                for (int i = 0; i < tables.Items.Count; i++)
                {
                    int child = WriteObject(output, tables.Items[i], vtables);
                    int slot = firstSlot + 4 * i;
                    Patch(output, slot, child - slot);
                }
                return position;
            }
            default:
                throw new ArgumentException("unknown FlatBuffer object");
        }
    }

    private static int WriteTable(List<byte> output, FbTable table, Dictionary<string, int> vtables)
    {
        // Lay out the inline fields after the 4-byte soffset, each aligned to its size relative to the table start,
        // which is aligned to the widest field so absolute alignment holds.
        int maxId = -1;
        foreach (int id in table.Fields.Keys) maxId = Math.Max(maxId, id);
        int vtableBytes = 4 + 2 * (maxId + 1);
        Dictionary<int, int> fieldOffsets = new Dictionary<int, int>();
        int cursor = 4;
        int tableAlignment = Math.Max(4, table.MinimumAlignment);
        foreach (KeyValuePair<int, FbField> pair in table.Fields)
        {
            int size = pair.Value.Bytes?.Length ?? 4;
            int alignment = pair.Value.Alignment;
            tableAlignment = Math.Max(tableAlignment, alignment);
            cursor = (cursor + alignment - 1) / alignment * alignment;
            fieldOffsets[pair.Key] = cursor;
            cursor += size;
        }
        int tableBytes = (cursor + 3) / 4 * 4;

        byte[] vtable = new byte[vtableBytes];
        BitConverter.GetBytes((ushort)vtableBytes).CopyTo(vtable, 0);
        BitConverter.GetBytes((ushort)tableBytes).CopyTo(vtable, 2);
        for (int id = 0; id <= maxId; id++)
        {
            BitConverter.GetBytes((ushort)(fieldOffsets.TryGetValue(id, out int o) ? o : 0)).CopyTo(vtable, 4 + 2 * id);
        }
        // Identical vtables are written once and shared (a table's soffset may point anywhere), as FlatBuffers
        // builders do: a model has thousands of tables of a few shapes.
        string key = Convert.ToBase64String(vtable);
        if (!vtables.TryGetValue(key, out int vtablePosition))
        {
            Align(output, tableAlignment, vtableBytes);
            vtablePosition = output.Count;
            output.AddRange(vtable);
            vtables[key] = vtablePosition;
        }
        else
        {
            Align(output, tableAlignment, 0);
        }
        int tablePosition = output.Count;
        output.AddRange(new byte[tableBytes]);
        Patch(output, tablePosition, tablePosition - vtablePosition);
        foreach (KeyValuePair<int, FbField> pair in table.Fields)
        {
            if (pair.Value.Bytes != null)
            {
                for (int i = 0; i < pair.Value.Bytes.Length; i++) output[tablePosition + fieldOffsets[pair.Key] + i] = pair.Value.Bytes[i];
            }
        }
        foreach (KeyValuePair<int, FbField> pair in table.Fields)
        {
            if (pair.Value.Child == null) continue;
            int child = WriteObject(output, pair.Value.Child, vtables);
            int slot = tablePosition + fieldOffsets[pair.Key];
            Patch(output, slot, child - slot);
        }
        return tablePosition;
    }

    /// <summary>Pads so that (position + <paramref name="bias"/>) is a multiple of <paramref name="alignment"/>.</summary>
    private static void Align(List<byte> output, int alignment, int bias)
    {
        while ((output.Count + bias) % alignment != 0) output.Add(0);
    }

    private static void Patch(List<byte> output, int position, int value)
    {
        byte[] bytes = BitConverter.GetBytes(value);
        for (int i = 0; i < 4; i++) output[position + i] = bytes[i];
    }
}
