using System;

namespace TfLiteMicro.Schema;

/// <summary>
/// Structural verification of any schema table, driven by the schema as data (<see cref="SchemaTables"/>, generated
/// by tools/schema-gen) instead of one generated method per table: each field inside its table, every offset,
/// vector, string and sub-table inside the buffer, every union tag known, each check made by
/// <see cref="FlatBufferVerifier"/> before anything is read. On failure the message gets the path to the bad field
/// ("model.subgraphs[0].tensors[3].shape: ...", built on the way out; options-table fields are named by id).
/// </summary>
/// <remarks>
/// The walk recurses once per nested table; the schema has no cycles, so it is at most
/// <see cref="SchemaTables.MaxNesting"/> deep whatever the bytes say (and <see cref="FlatBufferVerifier.MaxDepth"/>
/// still bounds it).
/// </remarks>
internal static class TableWalker
{
    /// <summary>Verifies the table at <paramref name="position"/> as schema table number <paramref name="table"/>.</summary>
    internal static bool VerifyTable(ref FlatBufferVerifier verifier, uint position, int table)
    {
        if (!verifier.EnterTable(position, out TableFrame frame)) return false;
        ReadOnlySpan<byte> fields = SchemaTables.Fields;
        int at = TableStart(table);
        int ids = fields[at++];
        for (int id = 0; id < ids; id++)
        {
            int kind = fields[at++];
            int target = kind >= SchemaTables.KindTable ? fields[at++] : 0;
            if (kind < SchemaTables.KindScalarVector)
            {
                if (!verifier.ScalarField(in frame, id, 1 << kind)) return InField(ref verifier, table, id);
            }
            else if (kind < SchemaTables.KindString)
            {
                if (!verifier.ScalarVectorField(in frame, id, 1 << (kind - SchemaTables.KindScalarVector))) return InField(ref verifier, table, id);
            }
            else if (kind == SchemaTables.KindString)
            {
                if (!verifier.StringField(in frame, id)) return InField(ref verifier, table, id);
            }
            else if (kind == SchemaTables.KindTable || kind == SchemaTables.KindUnion)
            {
                if (!verifier.TableField(in frame, id, out uint child)) return InField(ref verifier, table, id);
                if (kind == SchemaTables.KindUnion)
                {
                    // The union's type tag is the field before its value (verified as a 1-byte scalar just now).
                    if (!VerifyUnion(ref verifier, target, verifier.ReadByte(in frame, id - 1), child)) return InField(ref verifier, table, id);
                }
                else if (child != 0 && !VerifyTable(ref verifier, child, target))
                {
                    return InField(ref verifier, table, id);
                }
            }
            else
            {
                if (!verifier.OffsetVectorField(in frame, id, out uint vector, out int count)) return InField(ref verifier, table, id);
                for (int i = 0; i < count; i++)
                {
                    uint element = verifier.DereferenceElement(vector, i);
                    bool valid = kind == SchemaTables.KindStringVector ? verifier.StringAt(element) : VerifyTable(ref verifier, element, target);
                    if (!valid)
                    {
                        verifier.InIndex(i);
                        return InField(ref verifier, table, id);
                    }
                }
            }
        }
        verifier.LeaveTable();
        return true;
    }

    /// <summary>The value of a union as the table its tag names; NONE is accepted, an unknown tag is an error.</summary>
    private static bool VerifyUnion(ref FlatBufferVerifier verifier, int union, byte tag, uint position)
    {
        if (tag == 0) return true;
        ReadOnlySpan<byte> unions = SchemaTables.Unions;
        int at = SchemaTables.UnionStarts[union];
        int table = tag <= unions[at] ? unions[at + tag] : 0xFF;
        if (table == 0xFF) return verifier.UnknownUnionType(Name(SchemaTables.UnionNames, union), tag);
        return position == 0 || VerifyTable(ref verifier, position, table);
    }

    private static int TableStart(int table)
    {
        ReadOnlySpan<byte> starts = SchemaTables.TableStarts;
        return starts[2 * table] | (starts[2 * table + 1] << 8);
    }

    private static bool InField(ref FlatBufferVerifier verifier, int table, int id)
    {
        ReadOnlySpan<byte> name = FieldName(table, id);
        if (name.IsEmpty) return verifier.InFieldId(id);
        return verifier.InField(name);
    }

    /// <summary>The name of field <paramref name="id"/> of <paramref name="table"/>; empty for options tables and when text is stripped.</summary>
    private static ReadOnlySpan<byte> FieldName(int table, int id)
    {
        // Names are listed id by id, table by table: skip the ids of the tables before this one.
        ReadOnlySpan<byte> fields = SchemaTables.Fields;
        int index = id;
        for (int t = 0; t < table; t++) index += fields[TableStart(t)];
        return Name(SchemaTables.FieldNames, index);
    }

    /// <summary>Entry <paramref name="index"/> of a list of NUL-terminated names (empty when the list is).</summary>
    private static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> names, int index)
    {
        int start = 0;
        for (; index > 0 && start < names.Length; start++)
        {
            if (names[start] == 0) index--;
        }
        int end = start;
        while (end < names.Length && names[end] != 0) end++;
        return names.Slice(start, end - start);
    }
}
