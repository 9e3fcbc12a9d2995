using System;
using System.IO;
using System.Reflection;

namespace TfLiteMicro.Testing;

/// <summary>Finds the repository root (the folder with TfLiteMicro.sln). Test data is found by <see cref="TestData"/>.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> root = new Lazy<string>(FindRoot);

    public static string Root => root.Value;

    private static string FindRoot()
    {
        // The build records where the sources are (outputs may live outside the repository, e.g. --artifacts-path).
        foreach (AssemblyMetadataAttribute attribute in typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "RepositoryRoot" && attribute.Value != null && File.Exists(Path.Combine(attribute.Value, "TfLiteMicro.sln")))
                return Path.GetFullPath(attribute.Value);
        }
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln"))) return directory.FullName;
            directory = directory.Parent;
        }
        throw new InvalidOperationException("cannot find TfLiteMicro.sln above " + AppContext.BaseDirectory);
    }
}
