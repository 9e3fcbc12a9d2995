using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using TfLiteMicro.Tools.Inspection;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// The whole-network test models (<see cref="TestData.Models"/>: tests/data/models, plus ../shared/models when present) that carry TFLM goldens (case&lt;k&gt;_in&lt;i&gt;.npy /
/// case&lt;k&gt;_out&lt;j&gt;.npy), split into those whose operators the reference kernels all provide and those that must wait.
/// </summary>
internal static class GoldenModels
{
    public static readonly GoldenModelSet Set = new GoldenModelSet(TestData.Models);

    public static ModelCollection Collection => TestData.Models;

    /// <summary>Folders with goldens whose operators are all registered by ReferenceKernels.AddAll.</summary>
    public static IReadOnlyList<string> Runnable => Set.Runnable;

    /// <summary>Folders with goldens that need operators not registered yet, with the missing ones.</summary>
    public static IReadOnlyList<string> Skipped => Set.Skipped;

    public static string ModelPath(string name) => Set.ModelPath(name);

    public static IReadOnlyList<GoldenCase> Cases(string name) => Set.Cases(name);
}

/// <summary>
/// A collection of golden model folders (<see cref="TestData.Models"/>: whole networks; <see cref="TestData.OpModels"/>:
/// one model per operator × type × variant), split by whether the reference kernels provide every operator.
/// </summary>
internal sealed partial class GoldenModelSet
{
    private readonly ModelCollection collection;
    private readonly Lazy<(List<string> Runnable, List<string> Skipped)> split;

    public GoldenModelSet(ModelCollection collection)
    {
        this.collection = collection;
        split = new Lazy<(List<string>, List<string>)>(SplitBySupport);
    }

    public ModelCollection Collection => collection;

    public IReadOnlyList<string> Runnable => split.Value.Runnable;

    public IReadOnlyList<string> Skipped => split.Value.Skipped;

    public string ModelPath(string name) => collection.ModelFile(name);

    /// <summary>Model folders that have golden cases (case*_in*.npy).</summary>
    public IReadOnlyList<string> WithGoldens()
    {
        var names = new List<string>();
        foreach (string name in collection.Ids())
        {
            if (System.IO.Directory.GetFiles(collection.Folder(name), "case*_in*.npy").Length > 0) names.Add(name);
        }
        return names;
    }

    public IReadOnlyList<GoldenCase> Cases(string name)
    {
        var inputs = new SortedDictionary<int, SortedDictionary<int, string>>();
        var outputs = new SortedDictionary<int, SortedDictionary<int, string>>();
        foreach (string file in System.IO.Directory.GetFiles(collection.Folder(name), "case*.npy"))
        {
            Match match = CaseFilePattern().Match(Path.GetFileName(file));
            if (!match.Success) continue;
            int caseIndex = int.Parse(match.Groups["case"].Value);
            int slot = int.Parse(match.Groups["slot"].Value);
            SortedDictionary<int, SortedDictionary<int, string>> table = match.Groups["kind"].Value == "in" ? inputs : outputs;
            if (!table.TryGetValue(caseIndex, out SortedDictionary<int, string>? files))
            {
                files = new SortedDictionary<int, string>();
                table.Add(caseIndex, files);
            }
            files.Add(slot, file);
        }

        var cases = new List<GoldenCase>();
        foreach (KeyValuePair<int, SortedDictionary<int, string>> entry in inputs)
        {
            outputs.TryGetValue(entry.Key, out SortedDictionary<int, string>? expected);
            cases.Add(new GoldenCase(entry.Key, new List<string>(entry.Value.Values), new List<string>(expected?.Values ?? (IEnumerable<string>)Array.Empty<string>())));
        }
        return cases;
    }

    private (List<string> Runnable, List<string> Skipped) SplitBySupport()
    {
        var runnable = new List<string>();
        var skipped = new List<string>();
        OpResolver resolver = ReferenceResolver.Create();
        foreach (string name in WithGoldens())
        {
            using ModelFile model = ModelFile.Load(ModelPath(name));
            var missing = new List<string>();
            foreach (RequiredOperatorDescription op in ModelInspector.DescribeRequiredOperators(model.Model, resolver))
            {
                if (op.Status != RequiredOperatorDescription.SupportedStatus) missing.Add(op.Op);
            }
            if (missing.Count == 0) runnable.Add(name);
            else skipped.Add(name + " (needs " + string.Join(", ", missing) + ")");
        }
        runnable.Sort(StringComparer.Ordinal);
        skipped.Sort(StringComparer.Ordinal);
        return (runnable, skipped);
    }

    [GeneratedRegex(@"^case(?<case>[0-9]+)_(?<kind>in|out)(?<slot>[0-9]+)\.npy$")]
    private static partial Regex CaseFilePattern();
}
