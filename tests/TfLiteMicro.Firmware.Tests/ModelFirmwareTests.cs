using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// The firmware examples, built for a board and run in its emulator, print exactly what TFLM computed for the
/// golden inputs. A fault (e.g. a double-precision instruction on the Cortex-M4F) ends QEMU with a non-zero
/// status and fails the test.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class ModelFirmwareTests
{
    /// <summary>The firmware examples and the models each runs.</summary>
    public static readonly (string Example, string[] Models)[] Examples =
    {
        ("hello-world", new[] { "hello_world_float", "hello_world_int8" }),
        ("mlperf-ad-int8", new[] { "mlperf_ad_int8" }),
        ("mlperf-kws-int8", new[] { "mlperf_kws_int8" }),
        ("mlperf-vww-int8", new[] { "mlperf_vww_int8" }),
        ("mlperf-ic-int8", new[] { "mlperf_ic_int8" }),
        ("person-detect", new[] { "person_detect" }),
    };

    /// <summary>
    /// Every example with the reference kernels on the Cortex-M4F, and with the cmsis-nn port (native DSP
    /// microkernels) on the Cortex-M4F, the Cortex-M7 and the Cortex-M55.
    /// </summary>
    public static TheoryData<string, string, string> BoardKernelExamples()
    {
        var data = new TheoryData<string, string, string>();
        (string Board, string Kernels)[] targets =
        {
            ("nrf52840", "reference"), ("nrf52840", "cmsis-nn"), ("mps2-an500", "cmsis-nn"), ("mps3-an547", "cmsis-nn"),
        };
        foreach ((string board, string kernels) in targets)
        {
            foreach ((string example, string[] _) in Examples) data.Add(board, kernels, example);
        }
        return data;
    }

    [FirmwareTheory]
    [MemberData(nameof(BoardKernelExamples))]
    public void FirmwarePrintsTheGoldenOutputs(string board, string kernels, string example)
    {
        string[] models = Array.Find(Examples, e => e.Example == example).Models;
        AssertRunsAndMatchesGoldens(board, example, models, kernels);
    }

    /// <summary>
    /// A float model on the Cortex-M4F matches TFLM, and its Invoke takes no UsageFault: no double-precision
    /// instruction runs (float kernels take their activation range by reference; see FloatActivationRange).
    /// </summary>
    [FirmwareFact]
    public void Nrf52840FloatModelRunsWithoutEmulatedDoubleInstructions()
    {
        FirmwareReport report = AssertRunsAndMatchesGoldens("nrf52840", "mlperf-ic-float", new[] { "mlperf_ic_float" });
        Assert.NotEmpty(report.EmulatedInstructions);
        foreach (((string model, int caseIndex), long emulated) in report.EmulatedInstructions)
        {
            Assert.True(emulated == 0, $"{model} case {caseIndex}: Invoke emulated {emulated} double-precision instructions");
        }
    }

    /// <summary>
    /// Built with the operator profile (what dotnet cake --target=Bench runs), the firmware still matches the goldens
    /// and prints per operator its nodes, ticks and MACs (counted from the tensor shapes: 1·16 + 16·16 + 16·1 for
    /// the three FULLY_CONNECTED of hello_world); the nodes' ticks add up to the profiled Invoke's, which exceeds
    /// the unprofiled one only by the profiler's own few ticks per node.
    /// </summary>
    [FirmwareFact]
    public void ProfiledFirmwarePrintsTicksAndMacsPerOperator()
    {
        string elf = FirmwareImages.Build("nrf52840", "hello-world", profile: true);
        ProcessResult run = FirmwareImages.Run("nrf52840", elf);
        Assert.True(run.ExitCode == 0, run.ToString());
        FirmwareReport report = FirmwareReport.Parse(run.Output);
        foreach (string model in new[] { "hello_world_float", "hello_world_int8" })
        {
            Assert.Equal("", GoldenComparison.Differences(report, model));
            (int nodes, long ticks, long macs) = report.ProfileOps[(model, "FULLY_CONNECTED")];
            Assert.Equal(3, nodes);
            Assert.Equal(288, macs);
            (long invokeTicks, long nodesTicks) = report.ProfileInvokes[model];
            Assert.Equal(ticks, nodesTicks);
            long unprofiled = report.Ticks[(model, 0)];
            Assert.True(nodesTicks <= invokeTicks && invokeTicks >= unprofiled && invokeTicks - unprofiled <= 3 * 10,
                $"{model}: unprofiled {unprofiled} ticks, profiled {invokeTicks}, nodes {nodesTicks}\n{run.Output}");
        }
    }

    [FirmwareFact]
    public void CFirmwareLinkedWithTheCSharpStaticLibraryRunsHelloWorld()
    {
        AssertRunsAndMatchesGoldens("nrf52840", "c-api-firmware", new[] { "hello_world_int8" });
        Assert.True(File.Exists(Path.Combine(FirmwareImages.OutputDirectory("nrf52840"), "libtflm.a")), "libtflm.a was not published");
    }

    /// <summary>
    /// The Cortex-M4F has no double-precision FPU. The only .f64 instructions allowed in an image with an explicit
    /// operator list are the register moves the code generator uses for floats, which the UsageFault handler
    /// emulates (ports/baremetal/firmware/native/cortex-m/fpu_emulation.c).
    /// </summary>
    [FirmwareTheory]
    [InlineData("reference", "hello-world")]
    [InlineData("reference", "mlperf-ad-int8")]
    [InlineData("reference", "mlperf-ic-float")]
    [InlineData("cmsis-nn", "hello-world")]
    [InlineData("cmsis-nn", "mlperf-ad-int8")]
    public void Nrf52840ImageHasNoDoublePrecisionArithmetic(string kernels, string example)
    {
        string elf = FirmwareImages.Build("nrf52840", example, kernels);
        ProcessResult disassembly = ExternalProcess.Run("arm-none-eabi-objdump", new[] { "-d", elf }, Path.GetDirectoryName(elf)!, TimeSpan.FromMinutes(1));
        Assert.Equal(0, disassembly.ExitCode);
        Assert.Contains("<Reset_Handler>:", disassembly.Output);
        string[] doubles = Regex.Matches(disassembly.Output, @"^.*\tv[a-z]+[a-z0-9.]*\.f64\b.*$", RegexOptions.Multiline)
            .Select(m => m.Value)
            .Where(line => !Regex.IsMatch(line, @"\tvmov\.f64\td\d+, d\d+\s*$"))
            .ToArray();
        Assert.True(doubles.Length == 0, "double-precision instructions in a Cortex-M4F image:\n" + string.Join("\n", doubles.Take(10)));
    }

    private static FirmwareReport AssertRunsAndMatchesGoldens(string board, string example, string[] models,
        string kernels = FirmwareImages.DefaultKernels)
    {
        string elf = FirmwareImages.Build(board, example, kernels);
        ProcessResult run = FirmwareImages.Run(board, elf);
        Assert.True(run.ExitCode == 0, $"{example} on {board} (kernels '{kernels}'): {run}");
        FirmwareReport report = FirmwareReport.Parse(run.Output);
        foreach (string model in models)
        {
            string differences = GoldenComparison.Differences(report, model);
            Assert.True(differences.Length == 0, $"{example} on {board} (kernels '{kernels}') differs from the TFLM goldens:\n{differences}\n{run.Output}");
        }
        AssertMemoryWithinBudget(board, example, elf, run.Output);
        return report;
    }

    /// <summary>Stack reserve above the deepest the stack went (startup.c paints it), in bytes and as a fraction.</summary>
    private const int StackMarginBytes = 512;

    /// <summary>
    /// RAM besides the arena: static (.data + .bss − arena) plus the heap the setup used stays within 8 KB, and the
    /// board's stack reservation covers the measured peak with a margin (the reservation comes from these
    /// measurements, ports/boards/README.md).
    /// </summary>
    private static void AssertMemoryWithinBudget(string board, string example, string elf, string output)
    {
        Match stack = Regex.Match(output, @"^stack_peak (\d+) of (\d+)", RegexOptions.Multiline);
        Assert.True(stack.Success, $"{example} printed no stack_peak line:\n{output}");
        int peak = int.Parse(stack.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int reserved = int.Parse(stack.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(peak + Math.Max(StackMarginBytes, peak / 4) <= reserved,
            $"{example} on {board}: stack peak {peak} bytes leaves less than the margin in the {reserved} reserved");

        using System.Text.Json.JsonDocument size = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(elf, ".size.json")));
        long staticRam = size.RootElement.GetProperty("static_ram_bytes").GetInt64();
        // Printed after each model; the heap only grows, so the last figure is the total.
        long heapUsed = Regex.Matches(output, @"^heap_used (\d+)", RegexOptions.Multiline)
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        Assert.True(staticRam + heapUsed <= 8192,
            $"{example} on {board}: static RAM besides the arena {staticRam} + setup heap {heapUsed} exceeds 8 KB");
    }
}
