using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using TfLiteMicro.Tools.FlatBuffers;

namespace TfLiteMicro.Fuzz;

/// <summary>What a mutation site holds.</summary>
public enum SiteKind
{
    /// <summary>A scalar field of a table (or a union's type tag).</summary>
    Scalar,
    UnionTag,
    /// <summary>One element of a vector of scalars (a shape dimension, an operator's input, a data byte).</summary>
    VectorElement,
    /// <summary>The element count word of a vector or string.</summary>
    VectorLength,
    /// <summary>A uoffset to a table, vector or string.</summary>
    Offset,
    /// <summary>A table's vtable slot or its soffset word.</summary>
    VTable,
}

/// <summary>One place in a model's bytes where a mutation means something: its position, width and schema role.</summary>
public sealed record MutationSite(int Position, int Size, SiteKind Kind, string Table, string Field, int ElementIndex, string? Union,
    int TablePosition = -1)
{
    /// <summary>"Tensor.shape", "Operator.inputs", "Conv2DOptions.stride_w": what <see cref="Mutator"/> keys its values on.</summary>
    public string Role => Table + "." + Field;
}

/// <summary>
/// The mutation sites of a (valid) model, found by walking its bytes with the schema layout that schema-gen
/// generates (<see cref="TfLiteSchemaLayout"/>), plus the counts the mutator needs for index-like values
/// (tensors, buffers, operator codes, subgraphs). Every read is bounds-checked; a table reached twice is walked once.
/// </summary>
public sealed class ModelSites
{
    private readonly byte[] data;
    private readonly HashSet<int> visited = new HashSet<int>();
    private readonly List<MutationSite> sites = new List<MutationSite>();

    /// <summary>Large constant buffers are weights; only their first bytes are listed (parameter tensors are small).</summary>
    private const int MaxDataElementsListed = 64;

    private ModelSites(byte[] data)
    {
        this.data = data;
    }

    public IReadOnlyList<MutationSite> Sites => sites;

    public int MaxTensorCount { get; private set; }
    public int BufferCount { get; private set; }
    public int OperatorCodeCount { get; private set; }
    public int SubgraphCount { get; private set; }

    public static ModelSites Find(byte[] model)
    {
        var walker = new ModelSites(model);
        if (model.Length >= 8) walker.WalkTable(walker.Dereference(0), TfLiteSchemaLayout.RootTable);
        return walker;
    }

    private void WalkTable(int position, string tableName)
    {
        if (position < 0 || position > data.Length - 4 || !visited.Add(position)) return;
        if (!TfLiteSchemaLayout.Tables.TryGetValue(tableName, out SchemaField[]? fields)) return;
        int vtable = position - Int32(position);
        if (vtable < 0 || vtable > data.Length - 4) return;
        int vtableSize = UInt16(vtable);
        sites.Add(new MutationSite(position, 4, SiteKind.VTable, tableName, "(soffset)", -1, null));
        for (int slot = 4; slot + 2 <= vtableSize && vtable + slot + 2 <= data.Length; slot += 2)
            sites.Add(new MutationSite(vtable + slot, 2, SiteKind.VTable, tableName, "(vtable)", slot, null));
        foreach (SchemaField field in fields)
        {
            int offset = FieldOffset(vtable, vtableSize, field.Id);
            if (offset == 0) continue;
            int at = position + offset;
            if (at < 0 || at > data.Length - Math.Max(field.Size, 1)) continue;
            switch (field.Kind)
            {
                case FieldKind.Scalar:
                    sites.Add(new MutationSite(at, field.Size, SiteKind.Scalar, tableName, field.Name, -1, null, position));
                    break;
                case FieldKind.String:
                    sites.Add(new MutationSite(at, 4, SiteKind.Offset, tableName, field.Name, -1, null));
                    AddLength(Dereference(at), tableName, field.Name);
                    break;
                case FieldKind.Table:
                    sites.Add(new MutationSite(at, 4, SiteKind.Offset, tableName, field.Name, -1, null));
                    WalkTable(Dereference(at), field.Target!);
                    break;
                case FieldKind.Union:
                {
                    sites.Add(new MutationSite(at, 1, SiteKind.UnionTag, tableName, field.Name, -1, field.Target));
                    int tag = data[at];
                    int valueOffset = FieldOffset(vtable, vtableSize, field.Id + 1);
                    string?[] members = TfLiteSchemaLayout.Unions[field.Target!];
                    if (tag == 0 || valueOffset == 0 || tag >= members.Length || members[tag] == null) break;
                    sites.Add(new MutationSite(position + valueOffset, 4, SiteKind.Offset, tableName, field.Name, -1, null));
                    WalkTable(Dereference(position + valueOffset), members[tag]!);
                    break;
                }
                case FieldKind.ScalarVector:
                    WalkScalarVector(Dereference(at), field, tableName);
                    break;
                case FieldKind.StringVector:
                case FieldKind.TableVector:
                {
                    int vector = Dereference(at);
                    if (vector < 0 || vector > data.Length - 4) break;
                    int count = Int32(vector);
                    AddLength(vector, tableName, field.Name);
                    Count(tableName, field.Name, count);
                    for (int i = 0; i < count && vector + 8 + 4 * i <= data.Length; i++)
                    {
                        int slot = vector + 4 + 4 * i;
                        sites.Add(new MutationSite(slot, 4, SiteKind.Offset, tableName, field.Name, i, null));
                        if (field.Kind == FieldKind.TableVector) WalkTable(Dereference(slot), field.Target!);
                    }
                    break;
                }
            }
        }
    }

    private void WalkScalarVector(int vector, SchemaField field, string tableName)
    {
        if (vector < 0 || vector > data.Length - 4) return;
        int count = Int32(vector);
        AddLength(vector, tableName, field.Name);
        int listed = tableName == "Buffer" ? Math.Min(count, MaxDataElementsListed) : count;
        for (int i = 0; i < listed; i++)
        {
            long element = vector + 4 + (long)i * field.Size;
            if (element + field.Size > data.Length) break;
            sites.Add(new MutationSite((int)element, field.Size, SiteKind.VectorElement, tableName, field.Name, i, null));
        }
    }

    private void AddLength(int vector, string tableName, string fieldName)
    {
        if (vector >= 0 && vector <= data.Length - 4) sites.Add(new MutationSite(vector, 4, SiteKind.VectorLength, tableName, fieldName, -1, null));
    }

    private void Count(string tableName, string fieldName, int count)
    {
        switch (tableName + "." + fieldName)
        {
            case "SubGraph.tensors": MaxTensorCount = Math.Max(MaxTensorCount, count); break;
            case "Model.buffers": BufferCount = count; break;
            case "Model.operator_codes": OperatorCodeCount = count; break;
            case "Model.subgraphs": SubgraphCount = count; break;
        }
    }

    private int FieldOffset(int vtable, int vtableSize, int id)
    {
        int slot = 4 + 2 * id;
        if (slot + 2 > vtableSize || vtable + slot + 2 > data.Length) return 0;
        return UInt16(vtable + slot);
    }

    private int Dereference(int at)
    {
        if (at < 0 || at > data.Length - 4) return -1;
        long target = at + (long)(uint)Int32(at);
        return target >= data.Length ? -1 : (int)target;
    }

    private int Int32(int position) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(position, 4));

    private int UInt16(int position) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position, 2));
}
