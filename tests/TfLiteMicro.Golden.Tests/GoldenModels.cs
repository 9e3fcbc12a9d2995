using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using TfLiteMicro.Tools.Inspection;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// The whole-network models of <c>../shared/models/</c> that carry TFLM goldens (case&lt;k&gt;_in&lt;i&gt;.npy /
/// case&lt;k&gt;_out&lt;j&gt;.npy), split into those whose operators the reference kernels all provide and those that must wait.
/// </summary>
internal static class GoldenModels
{
    public static readonly GoldenModelSet Set = new GoldenModelSet("models");

    public static string Directory => Set.Directory;

    /// <summary>Folders with goldens whose operators are all registered by ReferenceKernels.AddAll.</summary>
    public static IReadOnlyList<string> Runnable => Set.Runnable;

    /// <summary>Folders with goldens that need operators not registered yet, with the missing ones.</summary>
    public static IReadOnlyList<string> Skipped => Set.Skipped;

    public static string ModelPath(string name) => Set.ModelPath(name);

    public static IReadOnlyList<GoldenCase> Cases(string name) => Set.Cases(name);
}

/// <summary>
/// A folder of golden model folders under <c>../shared/</c> (<c>models</c>: whole networks; <c>ops/models</c>: one
/// model per operator × type × variant), split by whether the reference kernels provide every operator.
/// </summary>
internal sealed partial class GoldenModelSet
{
    private readonly string relativePath;
    private readonly Lazy<string> root;
    private readonly Lazy<(List<string> Runnable, List<string> Skipped)> split;

    public GoldenModelSet(string relativePath)
    {
        this.relativePath = relativePath;
        root = new Lazy<string>(FindModelsDirectory);
        split = new Lazy<(List<string>, List<string>)>(SplitBySupport);
    }

    public string Directory => root.Value;

    public IReadOnlyList<string> Runnable => split.Value.Runnable;

    public IReadOnlyList<string> Skipped => split.Value.Skipped;

    public string ModelPath(string name) => Path.Combine(Directory, name, "model.tflite");

    public IReadOnlyList<GoldenCase> Cases(string name)
    {
        var inputs = new SortedDictionary<int, SortedDictionary<int, string>>();
        var outputs = new SortedDictionary<int, SortedDictionary<int, string>>();
        foreach (string file in System.IO.Directory.GetFiles(Path.Combine(Directory, name), "case*.npy"))
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
        foreach (string folder in System.IO.Directory.GetDirectories(Directory))
        {
            string name = Path.GetFileName(folder);
            if (!File.Exists(ModelPath(name)) || System.IO.Directory.GetFiles(folder, "case*_in*.npy").Length == 0) continue;
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

    private string FindModelsDirectory()
    {
        // Normally the test binaries sit under the repository: walk up to the folder holding TfLiteMicro.sln.
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TfLiteMicro.sln"))) return CheckedModels(Path.Combine(dir.FullName, "..", "shared"));
        }
        // Built elsewhere (--artifacts-path): use the location MSBuild recorded at build time.
        foreach (AssemblyMetadataAttribute metadata in typeof(GoldenModelSet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "TfLiteMicroSharedDir" && !string.IsNullOrEmpty(metadata.Value)) return CheckedModels(metadata.Value);
        }
        throw new InvalidOperationException("cannot find the shared models: no TfLiteMicro.sln above " + AppContext.BaseDirectory);
    }

    private string CheckedModels(string sharedDirectory)
    {
        string models = Path.GetFullPath(Path.Combine(sharedDirectory, relativePath));
        if (!System.IO.Directory.Exists(models)) throw new InvalidOperationException("shared models not found at " + models);
        return models;
    }

    [GeneratedRegex(@"^case(?<case>[0-9]+)_(?<kind>in|out)(?<slot>[0-9]+)\.npy$")]
    private static partial Regex CaseFilePattern();
}
