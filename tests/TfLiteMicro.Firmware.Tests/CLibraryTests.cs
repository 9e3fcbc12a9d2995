using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TfLiteMicro.Testing;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// The C library as a product (docs/c-library.md): libtflm.a built for hello_world_int8's operators, linked into a
/// C firmware with its own start-up code, linker script and C library (CLibraryFirmware/, not the project's
/// ports/baremetal), run in QEMU for 1,000 create/allocate/invoke/destroy cycles, each checked against TFLM's
/// golden output. The library's object memory must end where the first cycle left it, its only global symbols are
/// tflm.h's, and it needs from the firmware only what the document lists.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class CLibraryTests
{
    private const string Board = "nrf52840";
    private const string Model = "hello_world_int8";

    private static readonly object BuildLock = new();
    private static string? library;

    [FirmwareFact]
    public void FirmwareOfItsOwnRunsAThousandCyclesWithoutGrowingTheObjectMemory()
    {
        string directory = BuildLibrary();
        string work = Path.Combine(directory, "firmware");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "model_data.h"), ModelData());

        string sources = Path.Combine(RepositoryPaths.Root, "tests", "TfLiteMicro.Firmware.Tests", "CLibraryFirmware");
        string elf = Path.Combine(work, "c-library-firmware.elf");
        List<string> compile = new(CpuFlags())
        {
            "-Os", "-Wall", "-Wextra", "-Werror", "-nostartfiles", "-Wl,--gc-sections",
            "-T", Path.Combine(sources, "link.ld"),
            "-I", work, "-I", directory,
            Path.Combine(sources, "startup.c"), Path.Combine(sources, "main.c"),
            "-L", directory, "-ltflm", "-lm", "-lc", "-lgcc",
            "-o", elf,
        };
        ProcessResult link = ExternalProcess.Run("arm-none-eabi-gcc", compile, work, TimeSpan.FromMinutes(2));
        Assert.True(link.ExitCode == 0, "linking the C firmware with libtflm.a failed:\n" + link);

        ProcessResult run = FirmwareImages.Run(Board, elf);
        Assert.True(run.ExitCode == 0, "the C firmware failed:\n" + run);
        Dictionary<string, long> values = Regex.Matches(run.Output, @"^(\w+) (\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(1000, values["cycles"]);
        Assert.True(values["object_memory_while_live"] > 0, run.Output);
        Assert.Equal(values["object_memory_after_first"], values["object_memory_after_last"]);
        Assert.Contains("c-library: ok", run.Output, StringComparison.Ordinal);
    }

    [FirmwareFact]
    public void OnlyTheCApiIsGlobalAndTheFirmwareProvidesOnlyWhatTheDocumentLists()
    {
        string directory = BuildLibrary();
        string archive = Path.Combine(directory, "libtflm.a");
        HashSet<string> api = new(Regex.Matches(File.ReadAllText(Path.Combine(directory, "tflm.h")), @"\b(tflm_[a-z0-9_]+)\s*\(")
            .Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        string[] globals = Symbols(archive, "--defined-only");
        string[] foreign = globals.Where(s => !api.Contains(s)).ToArray();
        Assert.True(foreign.Length == 0, "global symbols of libtflm.a that tflm.h does not declare:\n" + string.Join("\n", foreign));
        Assert.Contains("tflm_create", globals);

        // Everything the library leaves undefined must be a symbol docs/c-library.md tells the firmware to provide.
        string document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "c-library.md"));
        string[] undefined = Symbols(archive, "--undefined-only");
        string[] undocumented = undefined.Where(s => !IsDocumented(s, document)).ToArray();
        Assert.True(undocumented.Length == 0, "libtflm.a needs symbols docs/c-library.md does not list:\n" + string.Join("\n", undocumented));
        Assert.DoesNotContain("malloc", undefined);
    }

    /// <summary>Listed by name in the document, or a libgcc helper (the document says: link -lgcc).</summary>
    private static bool IsDocumented(string symbol, string document) =>
        document.Contains("`" + symbol + "`", StringComparison.Ordinal) || symbol.StartsWith("__aeabi_", StringComparison.Ordinal);

    private static string[] Symbols(string archive, string which)
    {
        ProcessResult nm = ExternalProcess.Run("arm-none-eabi-nm", new[] { "-g", which, archive }, Path.GetDirectoryName(archive)!, TimeSpan.FromMinutes(1));
        Assert.Equal(0, nm.ExitCode);
        return nm.Output.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= 2 && words[^1] != "" && !words[^1].EndsWith(':'))
            .Select(words => words[^1].Trim())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>libtflm.a and tflm.h for the board, registering hello_world_int8's operators (built once).</summary>
    private static string BuildLibrary()
    {
        lock (BuildLock)
        {
            if (library != null) return library;
            string output = Path.Combine(AppContext.BaseDirectory, "firmware", Board + "-c-library");
            ProcessResult result = ExternalProcess.Run("dotnet", new[]
            {
                "build", Path.Combine(RepositoryPaths.Root, "ports", "baremetal", "firmware", "Firmware.proj"),
                "-p:Board=" + Board, "-p:Example=c-library", "-p:FirmwareOutput=" + output,
                "-p:LibraryModels=" + TestData.ModelFile(Model),
                "-nologo", "-v:minimal", "-clp:NoSummary",
            }, RepositoryPaths.Root, TimeSpan.FromMinutes(10));
            Assert.True(result.ExitCode == 0, "building libtflm.a failed:\n" + result);
            Assert.True(File.Exists(Path.Combine(output, "libtflm.a")) && File.Exists(Path.Combine(output, "tflm.h")), result.Output);
            library = output;
            return output;
        }
    }

    private static IEnumerable<string> CpuFlags()
    {
        JsonElement board = BoardFiles.Load(Board);
        yield return "-mcpu=" + board.GetProperty("cpu").GetString();
        yield return "-mthumb";
        yield return "-mfloat-abi=" + board.GetProperty("float_abi").GetString();
        yield return "-mfpu=" + board.GetProperty("fpu").GetString();
    }

    /// <summary>model_data.h: the model (16-byte aligned) and the golden int8 inputs and outputs of every case.</summary>
    private static string ModelData()
    {
        string folder = TestData.ModelFolder(Model);
        StringBuilder text = new();
        text.AppendLine("/* Generated by CLibraryTests from tests/data/models/" + Model + " (model and TFLM goldens). */");
        text.AppendLine("#include <stdint.h>");
        AppendArray(text, "static const uint8_t model_data[] __attribute__((aligned(16)))", File.ReadAllBytes(Path.Combine(folder, "model.tflite")));
        List<(GoldenArray Input, GoldenArray Output)> cases = new();
        for (int k = 0; File.Exists(Path.Combine(folder, $"case{k}_in0.npy")); k++)
        {
            cases.Add((GoldenArray.Load(Path.Combine(folder, $"case{k}_in0.npy")), GoldenArray.Load(Path.Combine(folder, $"case{k}_out0.npy"))));
        }
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.True(c.Input.Type == "|i1" && c.Output.Type == "|i1" && c.Input.Data.Length == cases[0].Input.Data.Length
            && c.Output.Data.Length == cases[0].Output.Data.Length));
        text.AppendLine($"#define CASES {cases.Count}");
        text.Append($"static const int8_t case_inputs[CASES][{cases[0].Input.Data.Length}] = {{");
        text.Append(string.Join(", ", cases.Select(c => "{" + string.Join(", ", c.Input.Data.Select(b => ((sbyte)b).ToString(CultureInfo.InvariantCulture))) + "}")));
        text.AppendLine("};");
        text.Append($"static const int8_t case_outputs[CASES][{cases[0].Output.Data.Length}] = {{");
        text.Append(string.Join(", ", cases.Select(c => "{" + string.Join(", ", c.Output.Data.Select(b => ((sbyte)b).ToString(CultureInfo.InvariantCulture))) + "}")));
        text.AppendLine("};");
        return text.ToString();
    }

    private static void AppendArray(StringBuilder text, string declaration, byte[] bytes)
    {
        text.Append(declaration).Append(" = {");
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i % 24 == 0) text.Append("\n    ");
            text.Append(bytes[i].ToString(CultureInfo.InvariantCulture)).Append(',');
        }
        text.AppendLine("\n};");
    }
}
