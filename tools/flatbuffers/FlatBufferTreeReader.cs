using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace TfLiteMicro.Tools.FlatBuffers;

/// <summary>
/// Reads a whole TFLite model into an <see cref="FbTable"/> tree, field by field as the generated
/// <see cref="TfLiteSchemaLayout"/> describes them, so that <see cref="FlatBufferWriter"/> can write it back with
/// some parts replaced (what <c>tflm compress</c> does). Every field the model sets is kept, deprecated ones
/// included; fields the schema does not know (a newer writer) make the read fail rather than silently vanish.
/// Call it on bytes core's verifier has accepted; every read is still bounds-checked.
/// </summary>
public sealed class FlatBufferTreeReader
{
    private readonly byte[] data;

    private FlatBufferTreeReader(byte[] data)
    {
        this.data = data;
    }

    /// <summary>Reads the model and writes it back unchanged (the identity rewrite, for tests and as an example).</summary>
    public static byte[] Rewrite(byte[] model) => FlatBufferWriter.Write(ReadModel(model), TfLiteSchemaLayout.FileIdentifier);

    public static FbTable ReadModel(byte[] model)
    {
        if (model.Length < 8) throw new FlatBufferFormatException("model is " + model.Length + " bytes, too short for a FlatBuffer");
        var reader = new FlatBufferTreeReader(model);
        return reader.ReadTable(reader.Dereference(0), TfLiteSchemaLayout.RootTable);
    }

    private FbTable ReadTable(int position, string tableName)
    {
        SchemaField[] fields = TfLiteSchemaLayout.Tables[tableName];
        int vtable = position - Int32(position);
        int vtableSize = UInt16(vtable);
        var table = new FbTable();
        var known = new HashSet<int>();
        foreach (SchemaField field in fields)
        {
            known.Add(field.Id);
            if (field.Kind == FieldKind.Union) known.Add(field.Id + 1);
            int offset = FieldOffset(vtable, vtableSize, field.Id);
            if (offset == 0) continue;
            int at = position + offset;
            switch (field.Kind)
            {
                case FieldKind.Scalar:
                    table.Raw(field.Id, Bytes(at, field.Size));
                    break;
                case FieldKind.String:
                    table.Child(field.Id, ReadString(Dereference(at)));
                    break;
                case FieldKind.Table:
                    table.Child(field.Id, ReadTable(Dereference(at), field.Target!));
                    break;
                case FieldKind.Union:
                {
                    byte tag = Bytes(at, 1)[0];
                    table.Raw(field.Id, new[] { tag });
                    int valueOffset = FieldOffset(vtable, vtableSize, field.Id + 1);
                    if (tag == 0 || valueOffset == 0) break;
                    string?[] members = TfLiteSchemaLayout.Unions[field.Target!];
                    string? member = tag < members.Length ? members[tag] : null;
                    if (member == null) throw new FlatBufferFormatException(tableName + "." + field.Name + ": unknown union type " + tag);
                    table.Child(field.Id + 1, ReadTable(Dereference(position + valueOffset), member));
                    break;
                }
                case FieldKind.ScalarVector:
                {
                    int vector = Dereference(at);
                    int count = Int32(vector);
                    table.Child(field.Id, new FbScalarVector(Bytes(vector + 4, checked(count * field.Size)), field.Size, field.ForceAlign));
                    break;
                }
                case FieldKind.StringVector:
                case FieldKind.TableVector:
                {
                    int vector = Dereference(at);
                    int count = Int32(vector);
                    var items = new List<FbObject>(count);
                    for (int i = 0; i < count; i++)
                    {
                        int element = Dereference(vector + 4 + 4 * i);
                        items.Add(field.Kind == FieldKind.StringVector ? ReadString(element) : ReadTable(element, field.Target!));
                    }
                    table.Child(field.Id, new FbTableVector(items));
                    break;
                }
            }
        }
        for (int id = 0; 4 + 2 * id + 2 <= vtableSize; id++)
        {
            if (!known.Contains(id) && FieldOffset(vtable, vtableSize, id) != 0)
                throw new FlatBufferFormatException(tableName + " has field " + id + ", which this schema does not know; cannot copy the model faithfully");
        }
        return table;
    }

    private FbString ReadString(int position) => new FbString(Bytes(position + 4, Int32(position)));

    private int FieldOffset(int vtable, int vtableSize, int id)
    {
        int slot = 4 + 2 * id;
        return slot + 2 > vtableSize ? 0 : UInt16(vtable + slot);
    }

    private int Dereference(int at)
    {
        long target = at + (long)(uint)Int32(at);
        if (target < 0 || target >= data.Length) throw new FlatBufferFormatException("offset at " + at + " points outside the model");
        return (int)target;
    }

    private byte[] Bytes(int position, int count)
    {
        if (position < 0 || count < 0 || position > data.Length - count) throw new FlatBufferFormatException("read of " + count + " bytes at " + position + " is outside the model");
        return data.AsSpan(position, count).ToArray();
    }

    private int Int32(int position) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(position, 4));

    private int UInt16(int position) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(position, 2));
}
