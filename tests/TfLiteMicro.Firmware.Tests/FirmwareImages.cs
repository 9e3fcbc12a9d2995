using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Builds firmware images the way a user does (<c>dotnet build ports/baremetal/firmware/Firmware.proj
/// -p:Board=.. -p:Example=..</c>), each (board, example) once per test run and one at a time: the builds share
/// the device projects' output folders.
/// </summary>
public sealed class FirmwareImages
{
    private static readonly object BuildLock = new();
    private static readonly Dictionary<string, string> Built = new(StringComparer.Ordinal);

    public static string OutputDirectory(string board, bool profile = false) =>
        Path.Combine(AppContext.BaseDirectory, profile ? "firmware-profile" : "firmware", board);

    /// <summary>
    /// The path of the built .elf; fails the test with the build log when the build fails. <paramref name="profile"/>
    /// builds with <c>-p:FirmwareProfile=true</c> (the firmware also prints ticks per operator), into its own folder.
    /// </summary>
    public static string Build(string board, string example, bool profile = false)
    {
        string key = board + "/" + example + (profile ? "/profile" : "");
        lock (BuildLock)
        {
            if (Built.TryGetValue(key, out string? elf)) return elf;
            string output = OutputDirectory(board, profile);
            ProcessResult result = ExternalProcess.Run("dotnet", new[]
            {
                "build", Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "Firmware.proj"),
                "-p:Board=" + board, "-p:Example=" + example, "-p:FirmwareOutput=" + output,
                "-p:FirmwareProfile=" + (profile ? "true" : "false"),
                "-nologo", "-v:minimal", "-clp:NoSummary",
            }, RepositoryPaths.Root, TimeSpan.FromMinutes(10));
            Assert.True(result.ExitCode == 0, $"building {example} for {board} failed:\n{result}");
            elf = Path.Combine(output, example + ".elf");
            Assert.True(File.Exists(elf), $"the build did not produce {elf}:\n{result.Output}");
            Built[key] = elf;
            return elf;
        }
    }

    /// <summary>Runs the image in the board's emulator; the program's exit status becomes QEMU's.</summary>
    public static ProcessResult Run(string board, string elf)
    {
        (string program, List<string> arguments) = BoardFiles.EmulatorCommand(board, elf);
        return ExternalProcess.Run(program, arguments, RepositoryPaths.Root, TimeSpan.FromMinutes(5));
    }
}
