using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace TfLiteMicro.Tools.Tests;

/// <summary>Finds the shared golden data (../shared/models next to the repository root).</summary>
internal static class SharedModels
{
    private static readonly Lazy<string> Root = new Lazy<string>(FindModelsDirectory);

    public static string Directory => Root.Value;

    public static string ModelPath(string name) => Path.Combine(Directory, name, "model.tflite");

    public static string CasePath(string name, string file) => Path.Combine(Directory, name, file);

    /// <summary>Every folder with a model.tflite, by name.</summary>
    public static IEnumerable<string> ModelNames()
    {
        var names = new List<string>();
        foreach (string folder in System.IO.Directory.GetDirectories(Directory))
        {
            if (File.Exists(Path.Combine(folder, "model.tflite"))) names.Add(Path.GetFileName(folder));
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static string FindModelsDirectory()
    {
        // Normally the test binaries sit under the repository: walk up to the folder holding TfLiteMicro.sln.
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TfLiteMicro.sln"))) return CheckedModels(Path.Combine(dir.FullName, "..", "shared"));
        }
        // Built elsewhere (--artifacts-path): use the location MSBuild recorded at build time.
        foreach (AssemblyMetadataAttribute metadata in typeof(SharedModels).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "TfLiteMicroSharedDir" && !string.IsNullOrEmpty(metadata.Value)) return CheckedModels(metadata.Value);
        }
        throw new InvalidOperationException("cannot find the shared models: no TfLiteMicro.sln above " + AppContext.BaseDirectory);
    }

    private static string CheckedModels(string sharedDirectory)
    {
        string models = Path.GetFullPath(Path.Combine(sharedDirectory, "models"));
        if (!System.IO.Directory.Exists(models)) throw new InvalidOperationException("shared models not found at " + models);
        return models;
    }
}
