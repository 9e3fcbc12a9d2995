using System;
using System.Collections.Generic;
using System.Text;
using TfLiteMicro.Tools.FlatBuffers;

namespace TfLiteMicro.Fuzz;

/// <summary>One change to a seed. Edits are replayable, so a finding can be minimized by dropping them one by one.</summary>
public abstract record Edit(string What);

/// <summary>Overwrites bytes at a position of the (possibly rewritten) model.</summary>
public sealed record ByteEdit(int Position, byte[] Bytes, string What) : Edit(What);

/// <summary>XORs one byte with <paramref name="Mask"/> (a bit flip).</summary>
public sealed record FlipEdit(int Position, byte Mask, string What) : Edit(What);

/// <summary>Cuts the model to <paramref name="Length"/> bytes.</summary>
public sealed record TruncateEdit(int Length, string What) : Edit(What);

/// <summary>
/// Sets (or removes, when both are null) field <paramref name="FieldId"/> of table number
/// <paramref name="TableOrdinal"/> of the seed's tree (<see cref="SeedModel.Tables"/>); the model is then written anew.
/// </summary>
public sealed record TreeEdit(int TableOrdinal, int FieldId, byte[]? Raw, FbObject? Child, string What) : Edit(What);

/// <summary>A seed plus edits: what a campaign's mutant index stands for.</summary>
public sealed class Mutant
{
    public Mutant(int seedIndex, IReadOnlyList<Edit> edits)
    {
        SeedIndex = seedIndex;
        Edits = edits;
    }

    public int SeedIndex { get; }

    public IReadOnlyList<Edit> Edits { get; }

    public string Describe(IReadOnlyList<SeedModel> seeds)
    {
        var text = new StringBuilder(seeds[SeedIndex].Name);
        foreach (Edit edit in Edits) text.Append("; ").Append(edit.What);
        return text.ToString();
    }

    /// <summary>The mutant's bytes: tree edits written out first, then byte edits, then truncation.</summary>
    public byte[] Build(IReadOnlyList<SeedModel> seeds)
    {
        SeedModel seed = seeds[SeedIndex];
        byte[] bytes = HasTreeEdits ? WriteTree(seed) : (byte[])seed.Bytes.Clone();
        int length = bytes.Length;
        foreach (Edit edit in Edits)
        {
            switch (edit)
            {
                case ByteEdit write:
                    for (int i = 0; i < write.Bytes.Length; i++)
                    {
                        int at = write.Position + i;
                        if ((uint)at < (uint)bytes.Length) bytes[at] = write.Bytes[i];
                    }
                    break;
                case FlipEdit flip:
                    if ((uint)flip.Position < (uint)bytes.Length) bytes[flip.Position] ^= flip.Mask;
                    break;
                case TruncateEdit cut:
                    length = Math.Min(length, Math.Max(0, cut.Length));
                    break;
            }
        }
        return length == bytes.Length ? bytes : bytes.AsSpan(0, length).ToArray();
    }

    public bool HasTreeEdits
    {
        get
        {
            foreach (Edit edit in Edits)
            {
                if (edit is TreeEdit) return true;
            }
            return false;
        }
    }

    /// <summary>Applies the tree edits to the cached seed tree, writes it, and restores the tree.</summary>
    private byte[] WriteTree(SeedModel seed)
    {
        var undo = new List<(FbTable Table, int Id, byte[]? Raw, FbObject? Child)>();
        try
        {
            foreach (Edit edit in Edits)
            {
                if (edit is not TreeEdit change || change.TableOrdinal >= seed.Tables.Count) continue;
                FbTable table = seed.Tables[change.TableOrdinal].Table;
                undo.Add((table, change.FieldId, table.GetRaw(change.FieldId), table.GetChild(change.FieldId)));
                table.Remove(change.FieldId);
                if (change.Raw != null) table.Raw(change.FieldId, change.Raw);
                else if (change.Child != null) table.Child(change.FieldId, change.Child);
            }
            return FlatBufferWriter.Write(seed.Tree!, TfLiteSchemaLayout.FileIdentifier);
        }
        finally
        {
            for (int i = undo.Count - 1; i >= 0; i--)
            {
                (FbTable table, int id, byte[]? raw, FbObject? child) = undo[i];
                table.Remove(id);
                if (raw != null) table.Raw(id, raw);
                else if (child != null) table.Child(id, child);
            }
        }
    }
}
