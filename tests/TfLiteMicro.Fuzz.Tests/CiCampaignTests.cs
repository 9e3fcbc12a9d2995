using System;
using System.Diagnostics;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace TfLiteMicro.Fuzz.Tests;

/// <summary>
/// The short fixed-seed campaign (<c>tflm-fuzz --ci</c>: campaign seed 1, the shared models and single-op models as
/// seeds, reference + x86-simd, worker processes with guard pages): it must end with no crash, escaped exception,
/// hang or allocation in Invoke. Its outcome table is the test output.
/// </summary>
public class CiCampaignTests
{
    private readonly ITestOutputHelper output;

    public CiCampaignTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public async System.Threading.Tasks.Task ShortCampaignHasNoFindings()
    {
        string fuzzer = Path.Combine(AppContext.BaseDirectory, "tflm-fuzz.dll");
        Assert.True(File.Exists(fuzzer), "tflm-fuzz.dll not next to the tests: " + fuzzer);
        string findings = Path.Combine(Path.GetTempPath(), "tflm-fuzz-ci-" + Environment.ProcessId);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) != "dotnet") start.FileName = "dotnet";
        foreach (string arg in new[] { fuzzer, "--ci", "--out", findings }) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        string stderr = await stderrTask;
        await process.WaitForExitAsync();
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(process.ExitCode == 0, "tflm-fuzz --ci exited with " + process.ExitCode + " (findings under " + findings + "):\n" + stdout + stderr);
        Assert.Contains("distinct findings: 0", stdout);
    }
}
