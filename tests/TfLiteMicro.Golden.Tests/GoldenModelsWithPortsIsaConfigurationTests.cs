using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Re-runs every golden model with the x86-simd kernels in a child process with the wider instruction sets switched
/// off, so the AVX2, SSE4.1 and scalar paths of the port reproduce TFLM's goldens too, not only the widest one. The
/// child is <c>dotnet test</c> on this same test assembly, filtered to the x86-simd cases of
/// <see cref="GoldenModelsWithPortsTests"/>.
/// </summary>
public class GoldenModelsWithPortsIsaConfigurationTests
{
    /// <summary>Set in the child so it never starts children of its own.</summary>
    private const string ChildMarker = "TFLM_GOLDEN_ISA_CHILD";

    private const string Filter = "FullyQualifiedName~GoldenModelsWithPortsTests&DisplayName~x86-simd";

    /// <remarks>
    /// .NET 10 reads <c>DOTNET_EnableAVX512</c> (one switch for the AVX-512 F/BW/CD/DQ/VL group) and ignores the older
    /// <c>DOTNET_EnableAVX512F</c>; the AVX-512 case sets both so it means the same on .NET 8, 9 and 10.
    /// </remarks>
    [Theory]
    [InlineData("DOTNET_EnableAVX512F")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    public async System.Threading.Tasks.Task GoldensMatchWithInstructionSetDisabled(string switchName)
    {
        if (Environment.GetEnvironmentVariable(ChildMarker) == "1") return;
        string assembly = typeof(GoldenModelsWithPortsIsaConfigurationTests).Assembly.Location;
        ProcessStartInfo start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        string[] switches = switchName == "DOTNET_EnableAVX512F" ? new[] { switchName, "DOTNET_EnableAVX512" } : new[] { switchName };
        foreach (string argument in new[] { "test", assembly, "--nologo", "--filter", Filter, "-e", ChildMarker + "=1" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string name in switches)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(name + "=0");
            start.Environment[name] = "0";
        }
        start.Environment[ChildMarker] = "1";
        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        using System.Threading.CancellationTokenSource timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(10));
        bool exited = true;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
            process.Kill(entireProcessTree: true);
        }
        string log = await output + await error;
        Assert.True(exited, "child test run timed out with " + switchName + "=0");
        Assert.True(process.ExitCode == 0, "child test run with " + switchName + "=0 failed:\n" + log);
        // A filter that matched nothing would also exit 0: require a real count of passed tests.
        Assert.Contains("Passed!", log);
    }
}
