using System;
using System.Collections.Generic;
using System.IO;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Builds firmware images the way a user does (<c>dotnet build ports/baremetal/firmware/Firmware.proj
/// -p:Board=.. -p:Example=.. -p:Kernels=..</c>), each (board, kernel set, example) once per test run and one at a time:
/// the builds share the device projects' output folders. The builder reuses ilc's output across boards, so an
/// example built for three boards is compiled by ilc once.
/// </summary>
public sealed class FirmwareImages
{
    /// <summary>The board's own default kernel set (its default_kernels).</summary>
    public const string DefaultKernels = "";

    private static readonly object BuildLock = new();
    private static readonly Dictionary<string, string> Built = new(StringComparer.Ordinal);

    public static string OutputDirectory(string board, string kernels = DefaultKernels, bool stripErrorStrings = false, bool profile = false) =>
        Path.Combine(AppContext.BaseDirectory, profile ? "firmware-profile" : "firmware", board,
            (kernels == DefaultKernels ? "default" : kernels) + (stripErrorStrings ? "-stripped" : ""));

    /// <summary>
    /// The path of the built .elf; fails the test with the build log when the build fails. <paramref name="kernels"/>
    /// is the kernel set (empty: the board's default); with <paramref name="stripErrorStrings"/> the image is built
    /// with -p:StripErrorStrings=true, with <paramref name="profile"/> with <c>-p:FirmwareProfile=true</c> (the
    /// firmware also prints ticks per operator), each into its own folder.
    /// </summary>
    public static string Build(string board, string example, string kernels = DefaultKernels, bool stripErrorStrings = false, bool profile = false)
    {
        string key = board + "/" + kernels + "/" + example + (stripErrorStrings ? "/stripped" : "") + (profile ? "/profile" : "");
        lock (BuildLock)
        {
            if (Built.TryGetValue(key, out string? elf)) return elf;
            string output = OutputDirectory(board, kernels, stripErrorStrings, profile);
            ProcessResult result = ExternalProcess.Run("dotnet", new[]
            {
                "build", Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "Firmware.proj"),
                "-p:Board=" + board, "-p:Example=" + example, "-p:Kernels=" + kernels, "-p:FirmwareOutput=" + output,
                "-p:StripErrorStrings=" + (stripErrorStrings ? "true" : "false"),
                "-p:FirmwareProfile=" + (profile ? "true" : "false"),
                "-nologo", "-v:minimal", "-clp:NoSummary",
            }, RepositoryPaths.Root, TimeSpan.FromMinutes(10));
            Assert.True(result.ExitCode == 0, $"building {example} for {board} (kernels '{kernels}') failed:\n{result}");
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
