using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

public class RunCommandTests
{
    private const string HelloInt8 = "hello_world_int8";

    [Fact]
    public void RunsHelloWorldAndWritesOutputsWithTheModelsDTypeAndShape()
    {
        using var temp = new TempDirectory();

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8),
            "--input", TestData.Models.File(HelloInt8, "case0_in0.npy"), "--output-dir", temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        NpyArray output = NpyReader.ReadFile(temp.File("output0.npy"));
        Assert.Equal(NpyDType.Int8, output.DType);
        Assert.Equal(new[] { 1, 1 }, output.Shape.ToArray());
        Assert.Matches(@"arena used: [1-9][0-9]* bytes", result.Stdout);
    }

    [Fact]
    public void TraceMirrorsTheSharedTraceLayout()
    {
        using var temp = new TempDirectory();
        string trace = Path.Combine(temp.Path, "trace");

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8),
            "--input", TestData.Models.File(HelloInt8, "case0_in0.npy"), "--output-dir", temp.Path, "--trace", trace);

        Assert.True(result.ExitCode == 0, result.ToString());
        string expectedIndex = File.ReadAllText(TestData.Models.File(HelloInt8, "trace0/index.tsv"));
        Assert.Equal(expectedIndex, File.ReadAllText(Path.Combine(trace, "index.tsv")));
        foreach (string golden in Directory.GetFiles(TestData.Models.TraceFolder(HelloInt8)!, "*.npy"))
        {
            string ours = Path.Combine(trace, Path.GetFileName(golden));
            Assert.True(File.Exists(ours), ours + " missing");
            NpyArray expected = NpyReader.ReadFile(golden);
            NpyArray actual = NpyReader.ReadFile(ours);
            Assert.Equal(expected.DType, actual.DType);
            Assert.Equal(expected.Shape.ToArray(), actual.Shape.ToArray());
        }
    }

    [Fact]
    public void WrongInputDTypeNamesTheInputAndBothTypes()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.npy");
        NpyWriter.WriteFile(input, NpyArray.Create<float>(NpyDType.Float32, [1, 1], [0.5f]));

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path);

        AssertOneLineFailure(result, "input 0: wrong dtype: expected int8(1, 1), got float32(1, 1)");
    }

    [Fact]
    public void WrongInputShapeNamesTheInputAndBothShapes()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.npy");
        NpyWriter.WriteFile(input, NpyArray.Create<sbyte>(NpyDType.Int8, [1, 2], [1, 2]));

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path);

        AssertOneLineFailure(result, "input 0: wrong shape: expected int8(1, 1), got int8(1, 2)");
    }

    [Fact]
    public void TooManyInputsIsAnError()
    {
        using var temp = new TempDirectory();
        string input = TestData.Models.File(HelloInt8, "case0_in0.npy");

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--input", input, "--output-dir", temp.Path);

        AssertOneLineFailure(result, "the model has 1 input but 2 .npy inputs were given");
    }

    [Fact]
    public void NoInputsIsAnError()
    {
        using var temp = new TempDirectory();

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--output-dir", temp.Path);

        AssertOneLineFailure(result, "the model has 1 input but 0 .npy inputs were given");
    }

    [Fact]
    public void TruncatedModelIsReportedAsMalformed()
    {
        using var temp = new TempDirectory();
        byte[] model = File.ReadAllBytes(TestData.ModelFile(HelloInt8));
        string truncated = temp.File("truncated.tflite");
        File.WriteAllBytes(truncated, model.AsSpan(0, model.Length / 2).ToArray());

        CliResult result = CliResult.Run("run", truncated, "--input", TestData.Models.File(HelloInt8, "case0_in0.npy"), "--output-dir", temp.Path);

        AssertOneLineFailure(result, "malformed model");
    }

    [Fact]
    public void TinyArenaFailsAndSaysHowManyBytesAreNeeded()
    {
        using var temp = new TempDirectory();

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8),
            "--input", TestData.Models.File(HelloInt8, "case0_in0.npy"), "--output-dir", temp.Path, "--arena", "64");

        AssertOneLineFailure(result, "arena too small");
        Assert.Matches(@"needs (at least )?[0-9]{3,} bytes", result.Stderr);
    }

    [Fact]
    public void TheArenaSizeTheErrorSuggestsIsTheSmallestThatWorks()
    {
        using var temp = new TempDirectory();
        string input = TestData.Models.File(HelloInt8, "case0_in0.npy");
        CliResult tiny = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path, "--arena", "64");
        Match suggestion = Regex.Match(tiny.Stderr, "try --arena ([0-9]+)");
        Assert.True(suggestion.Success, tiny.ToString());
        int needed = int.Parse(suggestion.Groups[1].Value, CultureInfo.InvariantCulture);

        CliResult exact = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path,
            "--arena", needed.ToString(CultureInfo.InvariantCulture));
        CliResult oneLess = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path,
            "--arena", (needed - 1).ToString(CultureInfo.InvariantCulture));

        Assert.True(exact.ExitCode == 0, exact.ToString());
        AssertOneLineFailure(oneLess, "arena too small");
        Assert.Contains("try --arena " + needed, oneLess.Stderr);
    }

    [Fact]
    public void ModelWithAnUnregisteredOperatorNamesIt()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.npy");
        NpyWriter.WriteFile(input, new NpyArray(NpyDType.Int8, [1, 96, 96, 1], new byte[96 * 96]));

        CliResult result = CliResult.Run("run", TestData.ModelFile("person_detect_vela"), "--input", input, "--output-dir", temp.Path);

        AssertOneLineFailure(result, "ethos-u");
    }

    [Fact]
    public void MalformedInputFileIsAnError()
    {
        using var temp = new TempDirectory();
        string input = temp.File("in.npy");
        File.WriteAllText(input, "not numpy");

        CliResult result = CliResult.Run("run", TestData.ModelFile(HelloInt8), "--input", input, "--output-dir", temp.Path);

        AssertOneLineFailure(result, "not a .npy file");
    }

    [Theory]
    [InlineData(new[] { "run", "model.tflite", "--input", "a.npy" }, "missing --output-dir")]
    [InlineData(new[] { "run", "--output-dir", "out" }, "missing MODEL")]
    [InlineData(new[] { "run", "model.tflite", "--output-dir", "out", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "run", "model.tflite", "--output-dir", "out", "--arena", "lots" }, "--arena needs a positive number")]
    [InlineData(new[] { "run", "model.tflite", "--output-dir" }, "--output-dir needs a value")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    public void UsageErrorsExitWithTwo(string[] args, string expectedMessage)
    {
        CliResult result = CliResult.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expectedMessage, result.Stderr);
    }

    [Fact]
    public void NoArgumentsPrintsUsageAndExitsWithTwo()
    {
        CliResult result = CliResult.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "tflm inspect MODEL")]
    [InlineData(new[] { "help", "run" }, "--output-dir DIR")]
    [InlineData(new[] { "run", "--help" }, "--trace DIR")]
    [InlineData(new[] { "inspect", "-h" }, "--json")]
    public void HelpIsPrintedAndExitsWithZero(string[] args, string expectedText)
    {
        CliResult result = CliResult.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expectedText, result.Stdout);
    }

    private static void AssertOneLineFailure(CliResult result, string expectedText)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expectedText, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void EveryKernelSetRunsTheModelToTheSameOutput()
    {
        byte[]? reference = null;
        foreach (TfLiteMicro.Ports.KernelSet set in TfLiteMicro.Ports.KernelSets.All)
        {
            using var temp = new TempDirectory();
            CliResult result = CliResult.Run("run", TestData.ModelFile("mlperf_kws_int8"),
                "--input", TestData.Models.File("mlperf_kws_int8", "case0_in0.npy"), "--output-dir", temp.Path, "--kernels", set.Name);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("kernels: " + set.Name, result.Stdout);
            byte[] output = NpyReader.ReadFile(temp.File("output0.npy")).Data;
            reference ??= output;
            Assert.Equal(reference, output);
        }
        Assert.Equal(NpyReader.ReadFile(TestData.Models.File("mlperf_kws_int8", "case0_out0.npy")).Data, reference);
    }
}
