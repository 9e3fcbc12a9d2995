using System.Linq;
using System.Text.Json;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary><c>tflm bench</c>: output shape and errors (timings are measured, never asserted).</summary>
public class BenchCommandTests
{
    [Fact]
    public void JsonHasTheDocumentedFields()
    {
        CliResult result = CliResult.Run("bench", TestData.ModelFile("mlperf_ad_int8"), "--iterations", "5", "--warmup", "0.05", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("reference", root.GetProperty("kernels").GetString());
        Assert.Equal(5, root.GetProperty("iterations").GetInt32());
        Assert.True(root.GetProperty("median_us").GetDouble() > 0);
        Assert.True(root.GetProperty("min_us").GetDouble() <= root.GetProperty("median_us").GetDouble());
        Assert.True(root.GetProperty("arena_bytes").GetInt32() > 0);
        JsonElement op = root.GetProperty("operators").EnumerateArray().Single();
        Assert.Equal("FULLY_CONNECTED", op.GetProperty("name").GetString());
        Assert.Equal(10, op.GetProperty("nodes").GetInt32());
    }

    [Fact]
    public void TextListsMedianMinArenaAndOperators()
    {
        CliResult result = CliResult.Run("bench", TestData.ModelFile("hello_world_int8"), "--iterations", "3", "--warmup", "0");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("median:", result.Stdout);
        Assert.Contains("min:", result.Stdout);
        Assert.Contains("arena:", result.Stdout);
        Assert.Contains("FULLY_CONNECTED", result.Stdout);
    }

    [Fact]
    public void UnknownKernelSetListsTheValidOnes()
    {
        CliResult result = CliResult.Run("bench", TestData.ModelFile("hello_world_int8"), "--kernels", "gpu");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown kernel set 'gpu'", result.Stderr);
        Assert.Contains("reference", result.Stderr);
    }

    [Fact]
    public void BadIterationCountIsAUsageError()
    {
        CliResult result = CliResult.Run("bench", TestData.ModelFile("hello_world_int8"), "--iterations", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--iterations", result.Stderr);
    }
}
