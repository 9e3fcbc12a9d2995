using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TfLiteMicro.Firmware.CmsisNnChecks;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// The cmsis-nn port's contract: each native microkernel (ports/cmsis-nn/native, Thumb-2 with the DSP extension)
/// computes exactly what its C# twin computes. The cmsis-nn-checks firmware runs every microkernel on pseudo-random
/// data over sizes that reach every tail path and prints a hash per check; the host runs the same checks
/// (MicrokernelChecks.cs) with the twins. Each board's image is compiled for its own core (gcc -mcpu), so the checks
/// run on the Cortex-M4F, M7 and M55.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class CmsisNnMicrokernelTests
{
    [FirmwareTheory]
    [InlineData("nrf52840")]
    [InlineData("mps2-an500")]
    [InlineData("mps3-an547")]
    public void NativeMicrokernelsComputeWhatTheirTwinsCompute(string board)
    {
        string elf = FirmwareImages.Build(board, "cmsis-nn-checks", "cmsis-nn");
        ProcessResult run = FirmwareImages.Run(board, elf);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("cmsis-nn-checks: done", run.Output);

        Dictionary<int, string> printed = new();
        foreach (string line in run.Output.Split('\n'))
        {
            string[] words = line.Trim().Split(' ');
            if (words.Length == 4 && words[0] == "check") printed[int.Parse(words[2], CultureInfo.InvariantCulture)] = words[3];
        }
        MicrokernelChecks checks = new MicrokernelChecks();
        StringBuilder differences = new();
        for (int i = 0; i < MicrokernelChecks.Count; i++)
        {
            string name = Encoding.UTF8.GetString(MicrokernelChecks.Name(i));
            string expected = checks.Run(i).ToString(CultureInfo.InvariantCulture);
            if (!printed.TryGetValue(i, out string? value)) differences.AppendLine($"check {i} ({name}) not printed");
            else if (value != expected) differences.AppendLine($"check {i} ({name}): device {value}, twin {expected}");
        }
        Assert.True(differences.Length == 0, $"native microkernels differ from their twins on {board}:\n{differences}\n{run.Output}");
    }

    /// <summary>
    /// The board file's <c>instructions_per_tick</c> (40 for the 25 MHz MPS2 timers, 31.25 for the AN547's 32 MHz one
    /// under <c>-icount shift=0</c>) turns the ticks of a loop of known length back into its instruction count
    /// (the calibration the same image prints first), within two ticks and the few instructions around the loop.
    /// </summary>
    [FirmwareTheory]
    [InlineData("nrf52840")]
    [InlineData("mps2-an500")]
    [InlineData("mps3-an547")]
    public void TimerTicksConvertToInstructionsAsTheBoardFileSays(string board)
    {
        string elf = FirmwareImages.Build(board, "cmsis-nn-checks", "cmsis-nn");
        ProcessResult run = FirmwareImages.Run(board, elf);
        Assert.True(run.ExitCode == 0, run.ToString());
        double instructionsPerTick = BoardFiles.Load(board).GetProperty("timer").GetProperty("instructions_per_tick").GetDouble();
        foreach (string line in run.Output.Split('\n'))
        {
            string[] words = line.Trim().Split(' ');
            if (words.Length != 5 || words[0] != "calibration") continue;
            long instructions = long.Parse(words[2], CultureInfo.InvariantCulture);
            long ticks = long.Parse(words[4], CultureInfo.InvariantCulture);
            double measured = ticks * instructionsPerTick;
            Assert.True(System.Math.Abs(measured - instructions) <= 2 * instructionsPerTick + 200,
                $"{board}: {ticks} ticks x {instructionsPerTick} = {measured} instructions, the loop runs {instructions}");
            return;
        }
        Assert.Fail($"no calibration line:\n{run.Output}");
    }
}
