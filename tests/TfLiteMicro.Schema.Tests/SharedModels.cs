using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Schema.Tests;

/// <summary>Finds the shared models (../shared/models next to the repository root holding TfLiteMicro.sln).</summary>
internal static class SharedModels
{
    private static readonly Lazy<string> ModelsDirectory = new(FindModelsDirectory);

    public static string Directory => ModelsDirectory.Value;

    public static string PathOf(string id) => Path.Combine(Directory, id, "model.tflite");

    public static byte[] Read(string id) => File.ReadAllBytes(PathOf(id));

    /// <summary>Every model id, sorted (so test data and seeds are stable).</summary>
    public static IReadOnlyList<string> AllIds()
    {
        var ids = new List<string>();
        foreach (string folder in System.IO.Directory.GetDirectories(Directory))
        {
            if (File.Exists(Path.Combine(folder, "model.tflite"))) ids.Add(Path.GetFileName(folder));
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static string FindModelsDirectory()
    {
        // The test binaries may live outside the tree (--artifacts-path), so also try the working directory and
        // this source file's location.
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, ThisSourceFile() })
        {
            string? found = FindFrom(start);
            if (found != null) return found;
        }
        throw new DirectoryNotFoundException("repository root (TfLiteMicro.sln) not found above " + AppContext.BaseDirectory);
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string? FindFrom(string start)
    {
        for (DirectoryInfo? directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln")))
            {
                string models = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "models"));
                if (System.IO.Directory.Exists(models)) return models;
                throw new DirectoryNotFoundException("shared models not found at " + models);
            }
        }
        return null;
    }
}
