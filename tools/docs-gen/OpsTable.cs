using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TfLiteMicro.Schema;

namespace TfLiteMicro.DocsGen;

/// <summary>
/// The operator table of docs/ops.md. Generated from the single-operator models (<c>tests/data/ops/ID</c>, id =
/// <c>&lt;op&gt;_&lt;types&gt;_&lt;variant&gt;</c>): one row per operator with its number of TFLM golden models and
/// the tensor types their ids name. Two things the data cannot say are the authors' and are carried over from the
/// committed table row by row: a note after the types (such as "(LUT-compressed constants accepted)") and the last
/// column, what TFLM's own reference kernel accepts (a fact from TFLM's sources). A new operator gets "—" there.
/// </summary>
public static class OpsTable
{
    public const string SectionName = "ops-table";

    /// <summary>The element-type words an op model's id may contain (int4w = packed int4 weights).</summary>
    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal)
    {
        "bool", "float16", "float32", "float64", "int4", "int4w", "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64", "string", "complex64",
    };

    /// <summary>docs/ops.md with its generated section rewritten from <paramref name="opsDirectory"/>.</summary>
    public static string Generate(string opsDirectory, string document, string documentPath, string stamp)
    {
        Dictionary<string, (string Note, string TflmTypes)> curated = ReadCurated(GeneratedSection.Read(document, SectionName, documentPath));
        SortedDictionary<string, (int Models, SortedSet<string> Types)> ops = Scan(opsDirectory);

        var body = new StringBuilder();
        body.Append(stamp).Append("\n\n");
        body.Append("| operator | TFLM golden models | types covered (all pass) | TFLM reference kernel types |\n");
        body.Append("|---|---:|---|---|\n");
        foreach (KeyValuePair<string, (int Models, SortedSet<string> Types)> op in ops)
        {
            (string note, string tflm) = curated.TryGetValue(op.Key, out var known) ? known : ("", "—");
            body.Append("| ").Append(op.Key).Append(" | ").Append(op.Value.Models).Append(" | ")
                .Append(string.Join(", ", op.Value.Types)).Append(note.Length > 0 ? " " + note : "")
                .Append(" | ").Append(tflm).Append(" |\n");
        }
        return GeneratedSection.Replace(document, SectionName, documentPath, body.ToString());
    }

    /// <summary>Operator (builtin name) → number of model folders and the type words of their ids.</summary>
    public static SortedDictionary<string, (int Models, SortedSet<string> Types)> Scan(string opsDirectory)
    {
        // Longest builtin name first, so "add_n_float32" is ADD_N and not ADD.
        string[] names = Enum.GetNames<BuiltinOperator>();
        Array.Sort(names, (a, b) => b.Length != a.Length ? b.Length - a.Length : string.CompareOrdinal(a, b));

        var ops = new SortedDictionary<string, (int Models, SortedSet<string> Types)>(StringComparer.Ordinal);
        string[] folders = Directory.GetDirectories(opsDirectory);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (string folder in folders)
        {
            if (!File.Exists(Path.Combine(folder, "model.tflite"))) continue;
            string id = Path.GetFileName(folder);
            string? op = Array.Find(names, n => id.StartsWith(n.ToLowerInvariant() + "_", StringComparison.Ordinal));
            if (op == null) throw new InvalidDataException("op model '" + id + "' does not start with a builtin operator's name");
            if (!ops.TryGetValue(op, out var entry)) entry = (0, new SortedSet<string>(StringComparer.Ordinal));
            foreach (string word in id[(op.Length + 1)..].Split('_'))
            {
                if (TypeWords.Contains(word)) entry.Types.Add(word);
            }
            ops[op] = (entry.Models + 1, entry.Types);
        }
        return ops;
    }

    /// <summary>Per operator of the committed table: the note after its types and its TFLM column.</summary>
    private static Dictionary<string, (string Note, string TflmTypes)> ReadCurated(string section)
    {
        var curated = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string line in section.Split('\n'))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| operator ", StringComparison.Ordinal)) continue;
            string[] cells = line.Split('|');
            if (cells.Length < 6) continue;
            string op = cells[1].Trim();
            string types = cells[3].Trim();
            int note = types.IndexOf(" (", StringComparison.Ordinal);
            string tflm = string.Join("|", cells, 4, cells.Length - 5).Trim();
            curated[op] = (note < 0 ? "" : types[(note + 1)..], tflm);
        }
        return curated;
    }
}
