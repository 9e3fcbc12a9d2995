using System.IO;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Examples.Tests;

/// <summary>Where each example keeps its data in the repository.</summary>
internal static class ExampleData
{
    public static string Folder(string example) => Path.Combine(RepositoryPaths.Root, "examples", example, "data");
}
