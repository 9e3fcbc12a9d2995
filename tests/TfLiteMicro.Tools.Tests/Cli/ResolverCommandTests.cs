using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using TfLiteMicro.Kernels.Reference;
using TfLiteMicro.Schema;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Cli;

/// <summary>
/// <c>tflm resolver</c>: C# that registers exactly the operators of the models and of --ops; the firmware examples'
/// generated resolvers are what it makes now.
/// </summary>
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

    [Fact]
    public void TheGeneratedMethodsRegisterEveryOperatorOfTheModelAndNoOther()
    {
        CliResult result = CliResult.Run("resolver", TestData.ModelFile("mlperf_kws_int8"));
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] methods = Regex.Matches(result.Stdout, @"resolver\.(Add\w+)\(\)").Select(m => m.Groups[1].Value).ToArray();
        OpResolver resolver = new();
        foreach (string method in methods)
        {
            MethodInfo registration = typeof(ReferenceKernels).GetMethod(method, new[] { typeof(OpResolver) })
                ?? throw new InvalidOperationException("no ReferenceKernels." + method);
            Assert.Equal(Status.Ok, (Status)registration.Invoke(null, new object[] { resolver })!);
        }
        using ModelBuffer buffer = ModelBuffer.FromFile(TestData.ModelFile("mlperf_kws_int8"));
        Assert.Equal(Status.Ok, buffer.TryLoadModel(new ErrorReporter(), out Model model));
        Assert.Equal(model.OperatorCodeCount, resolver.Count);
        for (int i = 0; i < model.OperatorCodeCount; i++) Assert.True(resolver.Contains(model.GetOperatorCode(i).BuiltinCode));
    }

    [Fact]
    public void LegacyUInt8IsLinkedWhenAModelHasUInt8TensorsOrOnRequest()
    {
        // The uint8 kernels are linked on a device only through ReferenceKernels.EnableLegacyUInt8().
        const string enable = "ReferenceKernels.EnableLegacyUInt8();";
        CliResult int8 = CliResult.Run("resolver", TestData.ModelFile("mlperf_kws_int8"));
        Assert.True(int8.ExitCode == 0, int8.ToString());
        Assert.DoesNotContain(enable, int8.Stdout);

        CliResult requested = CliResult.Run("resolver", "--ops", "CONV_2D", "--uint8");
        Assert.True(requested.ExitCode == 0, requested.ToString());
        Assert.Contains(enable, requested.Stdout);

        string path = Path.Combine(Path.GetTempPath(), $"tflm-resolver-uint8-{Guid.NewGuid():N}.tflite");
        try
        {
            File.WriteAllBytes(path, RealWorld.RealWorldModelTests.BuildUInt8Model().Bytes);
            CliResult uint8 = CliResult.Run("resolver", path);
            Assert.True(uint8.ExitCode == 0, uint8.ToString());
            Assert.Contains(enable, uint8.Stdout);
            Assert.Contains("resolver.AddConv2D();", uint8.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpsAddOperatorsByNameIncludingCustomOnes()
    {
        CliResult result = CliResult.Run("resolver", "--ops", "QUANTIZE, CIRCULAR_BUFFER");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("resolver.AddQuantize();", result.Stdout);
        Assert.Contains("resolver.AddCircularBuffer();", result.Stdout);
        Assert.Contains("public const int OperatorCount = 2;", result.Stdout);
    }

    [Fact]
    public void AnOperatorWithoutAKernelIsAnErrorThatNamesIt()
    {
        CliResult result = CliResult.Run("resolver", "--ops", "FULLY_CONNECTED,NO_SUCH_OP");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no reference kernel registers NO_SUCH_OP", result.Stderr);
        Assert.Contains("FULLY_CONNECTED", result.Stderr);
    }

    [Fact]
    public void NothingToRegisterIsAUsageError()
    {
        CliResult result = CliResult.Run("resolver");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MODEL or --ops", result.Stderr);
    }

    [Fact]
    public void ListNamesEveryOperatorWithItsRegistrationMethod()
    {
        CliResult result = CliResult.Run("resolver", "--list");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 100, "only " + lines.Length + " operators listed");
        Assert.Contains("FULLY_CONNECTED AddFullyConnected", lines);
        Assert.Contains("TFLM_DECODE AddDecode", lines);
    }
}
