using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using TfLiteMicro.Tools.FlatBuffers;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Turns (campaign seed, mutant index) into a <see cref="Mutant"/>. Four strategies:
/// <list type="bullet">
/// <item>in place (most): 1–4 fields found by <see cref="ModelSites"/> get values chosen for their role — shapes,
/// tensor/buffer/opcode/subgraph indices, quantization, option values, option types (union tags), vector lengths,
/// offsets, vtable slots;</item>
/// <item>structural: 1–2 edits of the seed's tree (fields that were absent, vectors that grow or shrink —
/// a shape gains a dimension, an operator an input —, option tables of another type), then the model is rewritten;</item>
/// <item>bytes: bit flips and interesting 32-bit words at random positions;</item>
/// <item>truncation, with or without an in-place edit.</item>
/// </list>
/// </summary>
public static class Mutator
{
    /// <summary>Seeds above this size are not rewritten (structural edits write the whole model).</summary>
    private const int MaxTreeSeedBytes = 400 * 1024;

    public static Mutant Create(IReadOnlyList<SeedModel> seeds, ulong campaignSeed, long index)
    {
        FuzzRandom random = FuzzRandom.ForMutant(campaignSeed, index);
        int seedIndex = random.Next(seeds.Count);
        SeedModel seed = seeds[seedIndex];
        var edits = new List<Edit>();
        int strategy = random.Next(100);
        if (strategy < 18 && seed.Bytes.Length <= MaxTreeSeedBytes && seed.Tables.Count > 0)
        {
            int count = random.Chance(2, 3) ? 1 : 2;
            for (int i = 0; i < count; i++) AddTreeEdit(seed, random, edits);
        }
        else if (strategy < 30)
        {
            AddShapeFamilyEdit(seed, random, edits);
            if (random.Chance(1, 3)) AddSiteEdit(seed, random, edits);
        }
        else if (strategy < 36)
        {
            AddOperatorSwap(seed, random, edits);
            if (random.Chance(1, 2)) AddSiteEdit(seed, random, edits);
        }
        else if (strategy < 88)
        {
            int count = random.Chance(1, 2) ? 1 : random.Chance(1, 2) ? 2 : random.Between(3, 4);
            for (int i = 0; i < count; i++) AddSiteEdit(seed, random, edits);
        }
        else if (strategy < 96)
        {
            int count = random.Between(1, 4);
            for (int i = 0; i < count; i++) AddByteEdit(seed.Bytes.Length, random, edits);
        }
        else
        {
            if (random.Chance(1, 2)) AddSiteEdit(seed, random, edits);
            int length = random.Chance(1, 2) ? random.Next(seed.Bytes.Length) : seed.Bytes.Length - random.Between(1, 64);
            edits.Add(new TruncateEdit(length, "truncate to " + length));
        }
        return new Mutant(seedIndex, edits);
    }

    private static void AddSiteEdit(SeedModel seed, FuzzRandom random, List<Edit> edits)
    {
        MutationSite? site = seed.PickSite(random);
        if (site == null)
        {
            AddByteEdit(seed.Bytes.Length, random, edits);
            return;
        }
        byte[] bytes = seed.Bytes;
        string where = site.Role + (site.ElementIndex >= 0 ? "[" + site.ElementIndex + "]" : "") + " @" + site.Position;
        ModelSites counts = seed.Sites;
        switch (site.Kind)
        {
            case SiteKind.UnionTag:
            {
                int members = TfLiteSchemaLayout.Unions[site.Union!].Length;
                byte tag = InterestingValues.UnionTag(members, random);
                edits.Add(new ByteEdit(site.Position, new[] { tag }, where + ": type " + bytes[site.Position] + " -> " + tag));
                return;
            }
            case SiteKind.VectorLength:
            {
                int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(site.Position));
                int value = random.Next(6) switch
                {
                    0 => 0,
                    1 => count + 1,
                    2 => count + random.Between(2, 8),
                    3 => InterestingValues.AnyInt32(random),
                    _ => Math.Max(0, count - random.Between(1, 2)),
                };
                edits.Add(new ByteEdit(site.Position, Int32Bytes(value), where + ": length " + count + " -> " + value));
                return;
            }
            case SiteKind.Offset:
            {
                int offset = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(site.Position));
                int value = random.Next(4) switch
                {
                    0 => offset + 4 * random.Between(-4, 4),
                    1 => 0,
                    2 => offset + random.Between(-3, 3),
                    _ => InterestingValues.AnyInt32(random),
                };
                edits.Add(new ByteEdit(site.Position, Int32Bytes(value), where + ": offset " + offset + " -> " + value));
                return;
            }
            case SiteKind.VTable:
            {
                if (site.Size == 4)
                {
                    int soffset = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(site.Position));
                    int value = soffset + 2 * random.Between(-6, 6);
                    edits.Add(new ByteEdit(site.Position, Int32Bytes(value), where + ": soffset " + soffset + " -> " + value));
                    return;
                }
                short slot = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(site.Position));
                short newSlot = random.Chance(1, 3) ? (short)0 : random.Chance(1, 2) ? (short)(slot + 2 * random.Between(-4, 4)) : InterestingValues.Int16For(slot, random);
                edits.Add(new ByteEdit(site.Position, BitConverter.GetBytes(newSlot), where + ": vtable slot " + slot + " -> " + newSlot));
                return;
            }
        }

        // Scalars and vector elements, by width. A byte of constant data is mutated as the 32-bit word it starts.
        int size = site.Size;
        if (site.Role == "Buffer.data" && site.ElementIndex % 4 == 0 && site.Position + 4 <= bytes.Length && random.Chance(3, 4)) size = 4;
        switch (size)
        {
            case 1:
            {
                byte value = InterestingValues.ByteFor(site.Role, bytes[site.Position], random);
                edits.Add(new ByteEdit(site.Position, new[] { value }, where + ": " + bytes[site.Position] + " -> " + value));
                return;
            }
            case 2:
            {
                short current = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(site.Position));
                short value = InterestingValues.Int16For(current, random);
                edits.Add(new ByteEdit(site.Position, BitConverter.GetBytes(value), where + ": " + current + " -> " + value));
                return;
            }
            case 8:
            {
                long current = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(site.Position));
                long value = InterestingValues.Int64For(current, random);
                edits.Add(new ByteEdit(site.Position, BitConverter.GetBytes(value), where + ": " + current + " -> " + value));
                return;
            }
            default:
            {
                int current = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(site.Position));
                int value = InterestingValues.Int32For(site.Role, current, counts, random);
                edits.Add(new ByteEdit(site.Position, Int32Bytes(value), where + ": " + current + " -> " + value));
                return;
            }
        }
    }

    /// <summary>
    /// One dimension value changed in every tensor that has it (all 16s become 65537, say), so that shapes stay
    /// consistent with each other: the change passes the shape checks of elementwise operators and reaches the
    /// arithmetic behind them (sizes, strides, loops).
    /// </summary>
    private static void AddShapeFamilyEdit(SeedModel seed, FuzzRandom random, List<Edit> edits)
    {
        byte[] bytes = seed.Bytes;
        IReadOnlyList<MutationSite> sites = seed.Sites.Sites;
        var dims = new List<MutationSite>();
        foreach (MutationSite site in sites)
        {
            if (site.Kind == SiteKind.VectorElement && site.Role == "Tensor.shape") dims.Add(site);
        }
        if (dims.Count == 0)
        {
            AddSiteEdit(seed, random, edits);
            return;
        }
        int from = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(dims[random.Next(dims.Count)].Position));
        // 1 is everywhere (batch sizes); prefer a value that names one particular extent.
        for (int attempt = 0; attempt < 4 && from <= 1; attempt++) from = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(dims[random.Next(dims.Count)].Position));
        int to = InterestingValues.Int32For("Tensor.shape", from, seed.Sites, random);
        if (to == from) to = from + 1;
        int changed = 0;
        foreach (MutationSite site in dims)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(site.Position)) != from) continue;
            edits.Add(new ByteEdit(site.Position, Int32Bytes(to), "Tensor.shape[" + site.ElementIndex + "] @" + site.Position + ": " + from + " -> " + to + " (every " + from + ")"));
            changed++;
        }
    }

    /// <summary>
    /// An operator code becomes another builtin operator (builtin_code and deprecated_builtin_code together, as a
    /// converter writes them): the nodes keep their tensors and options, and the new kernel's Prepare must cope.
    /// </summary>
    private static void AddOperatorSwap(SeedModel seed, FuzzRandom random, List<Edit> edits)
    {
        var codes = new List<MutationSite>();
        foreach (MutationSite site in seed.Sites.Sites)
        {
            if (site.Role == "OperatorCode.builtin_code" || site.Role == "OperatorCode.deprecated_builtin_code") codes.Add(site);
        }
        if (codes.Count == 0)
        {
            AddSiteEdit(seed, random, edits);
            return;
        }
        int table = codes[random.Next(codes.Count)].TablePosition;
        int op = random.Next(162);
        foreach (MutationSite site in codes)
        {
            if (site.TablePosition != table) continue;
            if (site.Size == 4) edits.Add(new ByteEdit(site.Position, Int32Bytes(op), "OperatorCode.builtin_code @" + site.Position + " = " + op));
            else edits.Add(new ByteEdit(site.Position, new[] { (byte)Math.Min(op, 127) }, "OperatorCode.deprecated_builtin_code @" + site.Position + " = " + Math.Min(op, 127)));
        }
    }

    private static void AddByteEdit(int length, FuzzRandom random, List<Edit> edits)
    {
        if (length < 8) return;
        if (random.Chance(1, 2))
        {
            int at = random.Next(length);
            int bit = random.Next(8);
            edits.Add(new FlipEdit(at, (byte)(1 << bit), "flip bit " + bit + " @" + at));
            return;
        }
        int word = random.Next(length / 4) * 4;
        int value = InterestingValues.AnyInt32(random);
        edits.Add(new ByteEdit(word, Int32Bytes(value), "word @" + word + " = " + value));
    }

    private static void AddTreeEdit(SeedModel seed, FuzzRandom random, List<Edit> edits)
    {
        IReadOnlyList<(FbTable Table, string Name)> tables = seed.Tables;
        // Prefer the tables whose fields decide memory safety.
        int ordinal = random.Next(tables.Count);
        for (int attempt = 0; attempt < 6; attempt++)
        {
            string name = tables[ordinal].Name;
            if (name == "Tensor" || name == "Operator" || name == "SubGraph" || name.EndsWith("Options", StringComparison.Ordinal)
                || name == "QuantizationParameters") break;
            ordinal = random.Next(tables.Count);
        }
        (FbTable table, string tableName) = tables[ordinal];
        SchemaField[] fields = TfLiteSchemaLayout.Tables[tableName];
        if (fields.Length == 0) return;
        SchemaField field = fields[random.Next(fields.Length)];
        string where = "tree " + tableName + "#" + ordinal + "." + field.Name;
        if (random.Chance(1, 12))
        {
            edits.Add(new TreeEdit(ordinal, field.Id, null, null, where + ": removed"));
            return;
        }
        ModelSites counts = seed.Sites;
        string role = tableName + "." + field.Name;
        switch (field.Kind)
        {
            case FieldKind.Scalar:
            {
                byte[]? old = table.GetRaw(field.Id);
                byte[] raw = ScalarBytes(role, field.Size, old, counts, random);
                edits.Add(new TreeEdit(ordinal, field.Id, raw, null, where + " = " + Show(raw)));
                return;
            }
            case FieldKind.Union:
            {
                string?[] members = TfLiteSchemaLayout.Unions[field.Target!];
                int tag = 1 + random.Next(members.Length - 1);
                edits.Add(new TreeEdit(ordinal, field.Id, new[] { (byte)tag }, null, where + " type = " + members[tag]));
                if (random.Chance(1, 2) && members[tag] != null)
                {
                    FbTable options = RandomTable(members[tag]!, counts, random);
                    edits.Add(new TreeEdit(ordinal, field.Id + 1, null, options, where + " = new " + members[tag]));
                }
                return;
            }
            case FieldKind.ScalarVector:
            {
                byte[] old = table.GetChild(field.Id) is FbScalarVector vector ? vector.Bytes : Array.Empty<byte>();
                byte[] elements = EditVector(role, old, field.Size, counts, random, out string what);
                edits.Add(new TreeEdit(ordinal, field.Id, null, new FbScalarVector(elements, field.Size, field.ForceAlign), where + ": " + what));
                return;
            }
            case FieldKind.TableVector:
            {
                if (table.GetChild(field.Id) is not FbTableVector list || list.Items.Count == 0) return;
                var items = new List<FbObject>(list.Items);
                int at = random.Next(items.Count);
                string what;
                if (random.Chance(1, 2) || items.Count == 1)
                {
                    items.Insert(at, items[at]);
                    what = "element " + at + " duplicated";
                }
                else
                {
                    items.RemoveAt(at);
                    what = "element " + at + " removed";
                }
                edits.Add(new TreeEdit(ordinal, field.Id, null, new FbTableVector(items), where + ": " + what));
                return;
            }
            case FieldKind.Table:
                if (table.GetChild(field.Id) == null)
                    edits.Add(new TreeEdit(ordinal, field.Id, null, RandomTable(field.Target!, counts, random), where + " = new " + field.Target));
                return;
        }
    }

    private static byte[] EditVector(string role, byte[] old, int size, ModelSites counts, FuzzRandom random, out string what)
    {
        int count = old.Length / size;
        var elements = new List<byte[]>();
        for (int i = 0; i < count; i++) elements.Add(old.AsSpan(i * size, size).ToArray());
        int at = random.Next(count + 1);
        switch (random.Next(4))
        {
            case 0:
                elements.Insert(at, ScalarBytes(role, size, at < count ? elements[at] : null, counts, random));
                what = "inserted at " + at;
                break;
            case 1 when count > 0:
                at = random.Next(count);
                elements.RemoveAt(at);
                what = "removed " + at;
                break;
            case 2 when count > 0:
                at = random.Next(count);
                elements.Insert(at, elements[at]);
                what = "duplicated " + at;
                break;
            default:
            {
                int length = random.Next(7);
                elements.Clear();
                for (int i = 0; i < length; i++) elements.Add(ScalarBytes(role, size, null, counts, random));
                what = "replaced by " + length + " elements";
                break;
            }
        }
        var bytes = new byte[elements.Count * size];
        for (int i = 0; i < elements.Count; i++) elements[i].CopyTo(bytes, i * size);
        return bytes;
    }

    /// <summary>A table of <paramref name="tableName"/> with a few of its scalar fields set to interesting values.</summary>
    private static FbTable RandomTable(string tableName, ModelSites counts, FuzzRandom random)
    {
        var table = new FbTable();
        foreach (SchemaField field in TfLiteSchemaLayout.Tables[tableName])
        {
            if (field.Kind != FieldKind.Scalar || !random.Chance(2, 3)) continue;
            table.Raw(field.Id, ScalarBytes(tableName + "." + field.Name, field.Size, null, counts, random));
        }
        return table;
    }

    private static byte[] ScalarBytes(string role, int size, byte[]? old, ModelSites counts, FuzzRandom random)
    {
        switch (size)
        {
            case 1: return new[] { InterestingValues.ByteFor(role, old != null ? old[0] : (byte)0, random) };
            case 2: return BitConverter.GetBytes(InterestingValues.Int16For(old != null ? BitConverter.ToInt16(old) : (short)0, random));
            case 8: return BitConverter.GetBytes(InterestingValues.Int64For(old != null ? BitConverter.ToInt64(old) : 0, random));
            default: return Int32Bytes(InterestingValues.Int32For(role, old != null ? BitConverter.ToInt32(old) : 1, counts, random));
        }
    }

    private static byte[] Int32Bytes(int value) => BitConverter.GetBytes(value);

    private static string Show(byte[] raw) => raw.Length switch
    {
        1 => raw[0].ToString(),
        2 => BitConverter.ToInt16(raw).ToString(),
        4 => BitConverter.ToInt32(raw).ToString(),
        8 => BitConverter.ToInt64(raw).ToString(),
        _ => Convert.ToHexString(raw),
    };
}
