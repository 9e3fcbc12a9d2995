using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TfLiteMicro.FirmwareBuilder;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// Boards choose kernels as data (<c>default_kernels</c> in the board file, ports/kernel-sets/firmware.json for what
/// each set needs); <c>--kernels=</c> / <c>-p:Kernels=</c> overrides it; an unknown set, or one the board's core
/// cannot run, is refused with the valid ones named.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class KernelSetSelectionTests
{
    private static string KernelSetsFile => Path.Combine(RepositoryPaths.Root, "ports", "kernel-sets", "firmware.json");

    [Fact]
    public void EverySupportedMcuBoardDefaultsToAKernelSetItsCoreRuns()
    {
        foreach (string name in BoardFiles.Names())
        {
            BoardFile board = BoardFile.Load(Path.Combine(BoardFiles.Directory, name + ".json"));
            if (!board.IsSupported || board.Kind != "mcu") continue;
            KernelSet kernels = KernelSet.Resolve(KernelSetsFile, board, null);
            Assert.Equal(board.DefaultKernels, kernels.Name);
        }
    }

    [Fact]
    public void TheDspBoardsDefaultToCmsisNn()
    {
        foreach (string name in new[] { "nrf52840", "mps2-an386", "mps2-an500", "mps3-an547" })
        {
            BoardFile board = BoardFile.Load(Path.Combine(BoardFiles.Directory, name + ".json"));
            Assert.Contains("dsp", board.Extensions);
            Assert.Equal("cmsis-nn", board.DefaultKernels);
        }
    }

    [Fact]
    public void AnExplicitKernelSetOverridesTheBoardDefault()
    {
        BoardFile board = BoardFile.Load(Path.Combine(BoardFiles.Directory, "nrf52840.json"));
        Assert.Equal("reference", KernelSet.Resolve(KernelSetsFile, board, "reference").Name);
        KernelSet cmsis = KernelSet.Resolve(KernelSetsFile, board, "cmsis-nn");
        Assert.NotNull(cmsis.NativeDirectory);
        Assert.True(Directory.Exists(cmsis.NativeDirectory), cmsis.NativeDirectory);
        Assert.True(File.Exists(cmsis.DeviceProject), cmsis.DeviceProject);
        Assert.Equal("TFLM_KERNELS_CMSIS_NN", cmsis.Define);
    }

    [Fact]
    public void AnUnknownKernelSetIsRefusedNamingTheValidOnes()
    {
        BoardFile board = BoardFile.Load(Path.Combine(BoardFiles.Directory, "nrf52840.json"));
        BuildException error = Assert.Throws<BuildException>(() => KernelSet.Resolve(KernelSetsFile, board, "no-such-kernels"));
        Assert.Contains("unknown kernel set 'no-such-kernels'", error.Message);
        Assert.Contains("reference, cmsis-nn", error.Message);
    }

    [Fact]
    public void AKernelSetTheCoreCannotRunIsRefusedNamingTheValidOnes()
    {
        // A Cortex-M3 has no DSP extension: the cmsis-nn microkernels (SMLAD, SXTB16) cannot run on it.
        string directory = Path.Combine(Path.GetTempPath(), "tflm-boards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string text = File.ReadAllText(Path.Combine(BoardFiles.Directory, "nrf52840.json"))
                .Replace("\"name\": \"nrf52840\"", "\"name\": \"cortex-m3-board\"")
                .Replace("\"cpu\": \"cortex-m4\"", "\"cpu\": \"cortex-m3\"")
                .Replace("\"extensions\": [\"dsp\"]", "\"extensions\": []")
                .Replace("\"default_kernels\": \"cmsis-nn\"", "\"default_kernels\": \"reference\"");
            string path = Path.Combine(directory, "cortex-m3-board.json");
            File.WriteAllText(path, text);
            BoardFile board = BoardFile.Load(path);
            Assert.Empty(board.Extensions);
            Assert.Equal("reference", KernelSet.Resolve(KernelSetsFile, board, null).Name);
            BuildException error = Assert.Throws<BuildException>(() => KernelSet.Resolve(KernelSetsFile, board, "cmsis-nn"));
            Assert.Contains("kernel set 'cmsis-nn' needs a core with dsp", error.Message);
            Assert.Contains("board 'cortex-m3-board' (cortex-m3)", error.Message);
            Assert.Contains("Kernel sets for board 'cortex-m3-board': reference", error.Message);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void EveryFirmwareKernelSetIsDescribed()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(KernelSetsFile));
        var sets = KernelSet.LoadAll(KernelSetsFile);
        Assert.Equal(new[] { "reference", "cmsis-nn" }, sets.Select(s => s.Name));
        foreach (KernelSet set in sets)
        {
            Assert.False(string.IsNullOrWhiteSpace(set.Description), set.Name);
            if (set.Name == "reference") continue;
            Assert.NotNull(set.DeviceProject);
            Assert.NotNull(set.Define);
            // The selection file compiles the set's symbol.
            Assert.Contains("#if " + set.Define, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "device", "FirmwareKernels.cs")));
        }
    }

    [Fact]
    public void EveryFirmwareKernelSetIsInTheOneListEveryHostTestRuns()
    {
        // ports/kernel-sets/KernelSets.cs is the one list of kernel sets; firmware.json only adds what a device build
        // needs (native code, required extensions). A set the firmware links must be one the host tests run (through
        // its C# twins), under the same name, so no device kernel escapes the kernel suite and the golden tests.
        foreach (KernelSet set in KernelSet.LoadAll(KernelSetsFile))
        {
            TfLiteMicro.Ports.KernelSet? host = TfLiteMicro.Ports.KernelSets.Find(set.Name);
            Assert.True(host != null, "firmware kernel set '" + set.Name + "' is not in ports/kernel-sets/KernelSets.cs (" + TfLiteMicro.Ports.KernelSets.NamesText + ")");
            Assert.Equal(set.Name == "reference", host!.IsReference);
        }
    }

    [FirmwareFact]
    public void TheFirmwareBuildRefusesAnUnknownKernelSet()
    {
        ProcessResult result = ExternalProcess.Run("dotnet", new[]
        {
            "build", Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "Firmware.proj"),
            "-p:Board=nrf52840", "-p:Example=hello-world", "-p:Kernels=no-such-kernels",
            "-p:FirmwareOutput=" + Path.Combine(Path.GetTempPath(), "tflm-unbuilt"), "-nologo", "-v:minimal",
        }, RepositoryPaths.Root, TimeSpan.FromMinutes(10));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown kernel set 'no-such-kernels'", result.Output);
        Assert.Contains("reference, cmsis-nn", result.Output);
    }
}
