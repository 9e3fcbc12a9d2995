using System;
using System.Diagnostics;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Fuzz.Tests;

/// <summary>
/// The short fixed-seed campaigns (<c>tflm-fuzz --ci</c>: campaign seed 1, reference + x86-simd, worker processes with
/// guard pages): one over every default seed (the shared models, the single-op models and tests/fuzz-seeds), one
/// over tests/fuzz-seeds alone, which the first reaches only about 1% of the time (float16, DENSIFY, legacy uint8,
/// Convolution2DTransposeBias, unaligned 8-byte values). Each must end with no crash, escaped exception, hang or
/// allocation in Invoke. The outcome tables are the test output.
/// </summary>
public class CiCampaignTests
{
    private readonly ITestOutputHelper output;

    public CiCampaignTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public System.Threading.Tasks.Task ShortCampaignHasNoFindings() => RunCampaign("all", "--ci");

    [Fact]
    public System.Threading.Tasks.Task ShortCampaignOverTheProjectSeedsHasNoFindings() =>
        RunCampaign("project-seeds", "--ci", "--seeds", Path.Combine(RepositoryRoot(), "tests", "fuzz-seeds"), "--count", "4000");

    private async System.Threading.Tasks.Task RunCampaign(string name, params string[] arguments)
    {
        string fuzzer = Path.Combine(AppContext.BaseDirectory, "tflm-fuzz.dll");
        Assert.True(File.Exists(fuzzer), "tflm-fuzz.dll not next to the tests: " + fuzzer);
        string findings = Path.Combine(Path.GetTempPath(), "tflm-fuzz-ci-" + name + "-" + Environment.ProcessId);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) != "dotnet") start.FileName = "dotnet";
        start.ArgumentList.Add(fuzzer);
        foreach (string arg in arguments) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(findings);
        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        string stderr = await stderrTask;
        await process.WaitForExitAsync();
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(process.ExitCode == 0, "tflm-fuzz " + string.Join(" ", arguments) + " exited with " + process.ExitCode
            + " (findings under " + findings + "):\n" + stdout + stderr);
        Assert.Contains("distinct findings: 0", stdout);
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "TfLiteMicro.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return directory!.FullName;
    }
}
