using System;
using System.IO;
using System.Text.Json;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>build.cake (run as a user does: <c>dotnet tool restore</c>, <c>dotnet cake --board=...</c>).</summary>
[Collection(FirmwareCollection.Name)]
public sealed class BuildScriptTests
{
    [Fact]
    public void UnknownBoardIsAnErrorThatListsTheValidBoards()
    {
        ProcessResult result = Cake("--board=no-such-board");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown board 'no-such-board'", result.Output);
        foreach (string board in BoardFiles.Names()) Assert.Contains(board, result.Output);
    }

    [Fact]
    public void UnsupportedBoardGivesItsReason()
    {
        foreach (string board in BoardFiles.Names())
        {
            JsonElement data = BoardFiles.Load(board);
            string status = data.TryGetProperty("status", out JsonElement s) ? s.GetString()! : "supported";
            if (status == "supported") continue;
            Assert.StartsWith("unsupported: ", status);
            ProcessResult result = Cake("--board=" + board);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains($"board '{board}' cannot be built: {status}", result.Output.Replace("\n", " ").Replace("  ", " "));
        }
    }

    [Fact]
    public void HostBoardBuildsTheNativeAotExecutable()
    {
        ProcessResult result = Cake("--board=host", "--example=hello-world");
        Assert.True(result.ExitCode == 0, result.ToString());
        string executable = Path.Combine(RepositoryPaths.Root, "artifacts", "firmware", "host", "hello-world", "hello-world");
        Assert.True(File.Exists(executable), $"no {executable}:\n{result.Output}");
        // NativeAOT: a self-contained native executable, no managed entry assembly beside it.
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "hello-world.dll")));
        ProcessResult run = ExternalProcess.Run(executable, Array.Empty<string>(), RepositoryPaths.Root, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hello_world_int8.tflite", run.Output);
    }

    private static ProcessResult Cake(params string[] arguments)
    {
        ProcessResult restore = ExternalProcess.Run("dotnet", new[] { "tool", "restore" }, RepositoryPaths.Root, TimeSpan.FromMinutes(5));
        Assert.True(restore.ExitCode == 0, "dotnet tool restore: " + restore);
        string[] command = new string[arguments.Length + 1];
        command[0] = "cake";
        arguments.CopyTo(command, 1);
        return ExternalProcess.Run("dotnet", command, RepositoryPaths.Root, TimeSpan.FromMinutes(15));
    }
}
