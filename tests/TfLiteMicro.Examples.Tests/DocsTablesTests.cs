using System;
using System.IO;
using TfLiteMicro.DocsGen;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Examples.Tests;

/// <summary>
/// The host-side tables of docs/ are generated (tools/docs-gen); each committed one must be what its generator makes
/// now from tests/data, stamp line aside. Deterministic figures only (bytes, counts, golden status), nothing timed.
/// </summary>
public class DocsTablesTests
{
    [Theory]
    [InlineData("models")]
    [InlineData("ops")]
    [InlineData("compression")]
    public void The_committed_table_is_what_its_generator_makes_now(string name)
    {
        DocsTable table = Array.Find(DocsTables.All, t => t.Name == name)!;
        string committed = File.ReadAllText(table.PathIn(RepositoryPaths.Root));
        string generated = table.Make(RepositoryPaths.Root, null);
        Assert.True(DocsTables.IsCurrent(committed, generated),
            table.RelativePath + " is stale: run `dotnet run --project tools/docs-gen -- " + name + "` and commit the result\n"
            + FirstDifference(DocStamp.WithoutStamp(committed), DocStamp.WithoutStamp(generated)));
        Assert.Contains(DocStamp.Prefix + "commit ", committed);
    }

    [Fact]
    public void The_ops_table_names_every_operator_once_with_its_models_and_types()
    {
        var ops = OpsTable.Scan(TestData.OpModels.RepositoryDirectory);
        Assert.Equal(4, ops["ABS"].Models);                       // abs_float32, abs_float32_1d17, abs_int16_rescale, abs_int8
        Assert.Equal("float32, int16, int8", string.Join(", ", ops["ABS"].Types));
        Assert.True(ops.ContainsKey("ADD_N"));                    // longest name wins: add_n_* is not ADD
        Assert.Contains("uint32", ops["CAST"].Types);
        Assert.Contains("int4w", ops["FULLY_CONNECTED"].Types);
    }

    [Fact]
    public void Only_the_stamp_line_is_ignored()
    {
        string a = "# T\n\nStamp: commit 1; machine A.\n\n| x | 1 |\n";
        Assert.True(DocsTables.IsCurrent(a, a.Replace("commit 1; machine A", "commit 2; machine B")));
        Assert.False(DocsTables.IsCurrent(a, a.Replace("| 1 |", "| 2 |")));
    }

    private static string FirstDifference(string committed, string generated)
    {
        string[] a = committed.Split('\n'), b = generated.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end)", right = i < b.Length ? b[i] : "(end)";
            if (left != right) return "line " + (i + 1) + ":\n  committed: " + left + "\n  generated: " + right;
        }
        return "";
    }
}
