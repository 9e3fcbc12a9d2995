using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Tools.FlatBuffers;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// One seed model: its bytes, and (computed on first use, then cached) its mutation sites with their weights and
/// its FlatBuffer tree for structural edits.
/// </summary>
public sealed class SeedModel
{
    private ModelSites? sites;
    private long[]? cumulativeWeights;
    private List<(FbTable Table, string Name)>? tables;
    private FbTable? tree;
    private bool treeFailed;

    public SeedModel(string name, byte[] bytes)
    {
        Name = name;
        Bytes = bytes;
    }

    /// <summary>Path relative to the seed directory it came from ("ops/models/relu_int8/model.tflite").</summary>
    public string Name { get; }

    public byte[] Bytes { get; }

    public ModelSites Sites
    {
        get
        {
            if (sites == null)
            {
                sites = ModelSites.Find(Bytes);
                cumulativeWeights = new long[sites.Sites.Count];
                long total = 0;
                for (int i = 0; i < sites.Sites.Count; i++)
                {
                    total += SiteWeights.Of(sites.Sites[i]);
                    cumulativeWeights[i] = total;
                }
            }
            return sites;
        }
    }

    /// <summary>A site picked with probability proportional to its weight; null when the model has none.</summary>
    public MutationSite? PickSite(FuzzRandom random)
    {
        ModelSites all = Sites;
        long[] cumulative = cumulativeWeights!;
        if (cumulative.Length == 0 || cumulative[^1] == 0) return null;
        long target = (long)(random.NextUInt64() % (ulong)cumulative[^1]);
        int index = Array.BinarySearch(cumulative, target + 1);
        if (index < 0) index = ~index;
        return all.Sites[Math.Min(index, all.Sites.Count - 1)];
    }

    /// <summary>The model as a tree (null when the tree reader cannot read it, e.g. fields of a newer schema).</summary>
    public FbTable? Tree
    {
        get
        {
            if (tree == null && !treeFailed)
            {
                try
                {
                    tree = FlatBufferTreeReader.ReadModel(Bytes);
                }
                catch (FlatBufferFormatException)
                {
                    treeFailed = true;
                }
            }
            return tree;
        }
    }

    /// <summary>Every table of <see cref="Tree"/> with its schema name, in a fixed depth-first order.</summary>
    public IReadOnlyList<(FbTable Table, string Name)> Tables
    {
        get
        {
            if (tables == null)
            {
                tables = new List<(FbTable, string)>();
                if (Tree != null) Collect(Tree, TfLiteSchemaLayout.RootTable, tables);
            }
            return tables;
        }
    }

    private static void Collect(FbTable table, string name, List<(FbTable, string)> into)
    {
        into.Add((table, name));
        foreach (SchemaField field in TfLiteSchemaLayout.Tables[name])
        {
            switch (field.Kind)
            {
                case FieldKind.Table:
                    if (table.GetChild(field.Id) is FbTable child) Collect(child, field.Target!, into);
                    break;
                case FieldKind.TableVector:
                    if (table.GetChild(field.Id) is FbTableVector vector)
                    {
                        foreach (FbObject item in vector.Items)
                        {
                            if (item is FbTable element) Collect(element, field.Target!, into);
                        }
                    }
                    break;
                case FieldKind.Union:
                {
                    byte[]? tag = table.GetRaw(field.Id);
                    string?[] members = TfLiteSchemaLayout.Unions[field.Target!];
                    if (tag != null && tag[0] < members.Length && members[tag[0]] != null && table.GetChild(field.Id + 1) is FbTable value)
                        Collect(value, members[tag[0]]!, into);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Every *.tflite under the directories, sorted by path so that a campaign seed names the same mutants on every
    /// machine. Names are relative to the directory's parent ("ops/models/x/model.tflite").
    /// </summary>
    public static List<SeedModel> LoadAll(IEnumerable<string> directories)
    {
        var seeds = new List<SeedModel>();
        foreach (string directory in directories)
        {
            string root = Path.GetFullPath(directory);
            string parent = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
            string[] files = File.Exists(root) ? new[] { root } : Directory.GetFiles(root, "*.tflite", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                string name = Path.GetRelativePath(parent, file).Replace('\\', '/');
                seeds.Add(new SeedModel(name, File.ReadAllBytes(file)));
            }
        }
        return seeds;
    }
}

/// <summary>How often each kind of site is mutated: the fields that decide memory safety most often.</summary>
public static class SiteWeights
{
    public static int Of(MutationSite site)
    {
        switch (site.Kind)
        {
            case SiteKind.VTable: return 1;
            case SiteKind.Offset: return 1;
            case SiteKind.VectorLength:
                switch (site.Role)
                {
                    case "Tensor.shape": return 12;
                    case "Operator.inputs": case "Operator.outputs": return 6;
                    case "SubGraph.inputs": case "SubGraph.outputs": return 3;
                    case "Buffer.data": return 3;
                    case "QuantizationParameters.scale": case "QuantizationParameters.zero_point": return 3;
                    default: return 1;
                }
            case SiteKind.UnionTag:
                return site.Field == "builtin_options" ? 12 : 2;
        }
        if (site.Table.EndsWith("Options", StringComparison.Ordinal)) return 14;
        switch (site.Role)
        {
            case "Tensor.shape": return 16;
            case "Tensor.type": return 6;
            case "Tensor.buffer": return 6;
            case "Tensor.is_variable": return 3;
            case "Operator.inputs": return 10;
            case "Operator.outputs": return 8;
            case "Operator.intermediates": return 2;
            case "Operator.opcode_index": return 5;
            case "SubGraph.inputs": case "SubGraph.outputs": return 5;
            case "OperatorCode.builtin_code": case "OperatorCode.deprecated_builtin_code": return 5;
            case "OperatorCode.version": return 1;
            case "QuantizationParameters.scale": return 3;
            case "QuantizationParameters.zero_point": return 3;
            case "QuantizationParameters.quantized_dimension": return 4;
            case "Buffer.data": return site.ElementIndex % 4 == 0 ? 4 : 1;
            case "Buffer.offset": case "Buffer.size": return 2;
            case "Model.version": return 1;
            default: return 2;
        }
    }
}
