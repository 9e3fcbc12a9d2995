using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary><c>tflm resolver</c>, and the firmware examples' generated resolvers being what it makes now.</summary>
public class ResolverCommandTests
{
    [Fact]
    public void RegistersExactlyTheModelsOperators()
    {
        CliResult result = CliResult.Run("resolver", TestData.ModelFile("mlperf_kws_int8"), "--namespace", "App", "--class", "KwsOps");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string method in new[] { "AddAveragePool2D", "AddConv2D", "AddDepthwiseConv2D", "AddFullyConnected", "AddReshape", "AddSoftmax" })
            Assert.Contains("resolver." + method + "()", result.Stdout);
        Assert.Equal(6, Regex.Matches(result.Stdout, @"resolver\.Add").Count);
        Assert.Contains("public const int OperatorCount = 6;", result.Stdout);
        Assert.Contains("namespace App;", result.Stdout);
        Assert.Contains("public static class KwsOps", result.Stdout);
    }

    [Fact]
    public void CustomOperatorsAreFoundToo()
    {
        CliResult result = CliResult.Run("resolver", TestData.ModelFile("micro_speech_audio_preprocessor_int8"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("resolver.AddSignalWindow()", result.Stdout);
    }

    [Fact]
    public void AModelWithAnOperatorNoKernelProvidesIsAnError()
    {
        CliResult result = CliResult.Run("resolver", TestData.ModelFile("person_detect_vela"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ethos-u", result.Stderr);
    }

    /// <summary>Every firmware example with models registers them through a generated, up-to-date ModelOperators.g.cs.</summary>
    [Fact]
    public void FirmwareExamplesUseUpToDateGeneratedResolvers()
    {
        string examples = Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "examples");
        int checkedExamples = 0;
        foreach (string project in Directory.GetFiles(examples, "*.csproj", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(project);
            var models = new List<string>();
            foreach (Match match in Regex.Matches(text, "<FirmwareModel Include=\"([^\"]+)\"")) models.Add(match.Groups[1].Value);
            if (models.Count == 0) continue;
            string folder = Path.GetDirectoryName(project)!;
            string generated = Path.Combine(folder, "ModelOperators.g.cs");
            Assert.True(File.Exists(generated), folder + " has no ModelOperators.g.cs (tflm resolver)");
            string rootNamespace = Regex.Match(text, "<RootNamespace>([^<]+)</RootNamespace>").Groups[1].Value;
            var args = new List<string> { "resolver" };
            foreach (string model in models) args.Add(TestData.ModelFile(model));
            args.AddRange(new[] { "--namespace", rootNamespace, "--class", "ModelOperators" });
            CliResult result = CliResult.Run(args.ToArray());
            Assert.True(result.ExitCode == 0, result.ToString());
            // Everything but the header's command line (whose paths depend on where it was run) must be the same.
            Assert.True(Normalize(result.Stdout) == Normalize(File.ReadAllText(generated)),
                generated + " is stale; regenerate it with the command in its header (from the repository root)");
            Assert.Contains("ModelOperators.Register(", File.ReadAllText(Path.Combine(folder, "Program.cs")));
            checkedExamples++;
        }
        Assert.True(checkedExamples >= 6, "expected the six firmware examples with models, found " + checkedExamples);
    }

    private static string Normalize(string text) => Regex.Replace(text.ReplaceLineEndings("\n"), @"`tflm resolver [^`]*`", "`tflm resolver ...`").Trim();
}
