using System.IO;
using System.Text.Json;
using TfLiteMicro.Tools.Tests.Cli;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Compression;

public class CompressCommandTests
{
    [Fact]
    public void CompressWritesTheModelAndReportsTheFlashSaved()
    {
        using var directory = new TempDirectory();
        string output = directory.File("out.tflite");
        string clustered = directory.File("clustered.tflite");
        CliResult result = CliResult.Run("compress", TestData.ModelFile("mlperf_ad_int8"), "-o", output, "--cluster", "16",
            "--write-uncompressed", clustered);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("of flash saved", result.Stdout);
        Assert.Contains("compressed subgraph 0 tensor", result.Stdout);
        Assert.True(new FileInfo(output).Length < new FileInfo(TestData.ModelFile("mlperf_ad_int8")).Length);
        Assert.True(File.Exists(clustered));

        CliResult inspect = CliResult.Run("inspect", output);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains("operator nodes are supported", inspect.Stdout);
    }

    [Fact]
    public void JsonHasSizesAndOneEntryPerTensor()
    {
        using var directory = new TempDirectory();
        CliResult result = CliResult.Run("compress", TestData.ModelFile("hello_world_int8"), "-o", directory.File("o.tflite"),
            "--cluster", "4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(root.GetProperty("original_bytes").GetInt32() - root.GetProperty("compressed_bytes").GetInt32(),
            root.GetProperty("saved_bytes").GetInt32());
        Assert.True(root.GetProperty("tensors").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("missing -o OUT")]
    [InlineData("--cluster needs a whole number from 2 to 128", "--cluster", "1")]
    [InlineData("--cluster needs a whole number from 2 to 128", "--cluster", "x")]
    [InlineData("--tensors takes TENSOR or SUBGRAPH:TENSOR", "--tensors", "a:b:c")]
    public void BadArgumentsAreUsageErrors(string message, params string[] extra)
    {
        using var directory = new TempDirectory();
        var args = new System.Collections.Generic.List<string> { "compress", TestData.ModelFile("hello_world_int8") };
        if (message != "missing -o OUT") args.AddRange(new[] { "-o", directory.File("o.tflite") });
        args.AddRange(extra);
        CliResult result = CliResult.Run(args.ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void AMissingModelIsAnError()
    {
        using var directory = new TempDirectory();
        CliResult result = CliResult.Run("compress", directory.File("nope.tflite"), "-o", directory.File("o.tflite"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read model", result.Stderr);
    }
}
