using System.IO;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary><c>tflm eval</c>: a folder through several interpreters gives each input's own outputs (the goldens).</summary>
public class EvalCommandTests
{
    [Theory]
    [InlineData("mlperf_ad_int8", 2)]
    [InlineData("seanet_add_add0", 3)]
    public void EveryInputGetsItsGoldenOutput(string model, int threads)
    {
        using var output = new TempDirectory();
        string folder = TestData.ModelFolder(model);
        CliResult result = CliResult.Run("eval", TestData.ModelFile(model), "--data", folder, "--threads", threads.ToString(),
            "--output-dir", output.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inputs/s", result.Stdout);
        int cases = 0;
        for (int k = 0; File.Exists(Path.Combine(folder, "case" + k + "_in0.npy")); k++, cases++)
        {
            Assert.Contains("case" + k + ": ", result.Stdout);
            NpyArray expected = NpyReader.ReadFile(Path.Combine(folder, "case" + k + "_out0.npy"));
            NpyArray actual = NpyReader.ReadFile(output.File("case" + k + "_out0.npy"));
            Assert.Equal(expected.Data, actual.Data);
        }
        Assert.True(cases >= 3);
    }

    [Fact]
    public void AFolderWithoutInputsSaysWhatItExpects()
    {
        using var empty = new TempDirectory();
        CliResult result = CliResult.Run("eval", TestData.ModelFile("hello_world_int8"), "--data", empty.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no inputs", result.Stderr);
    }
}
