using System.Collections.Generic;
using System.Globalization;
using TfLiteMicro.Firmware.RuntimeCheckExample;
using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>
/// The runtime-checks firmware (ports/baremetal/firmware/examples/runtime-checks) computes on the Cortex-M4F what
/// the host computes here from the same source: 32/64-bit division, shifts, float/int64 conversions (which go
/// through the emulated double conversions), block copies, casts, static constructors, boxing.
/// </summary>
[Collection(FirmwareCollection.Name)]
public sealed class RuntimeCheckTests
{
    private const int Seed = 7;

    [FirmwareFact]
    public void DeviceRuntimeComputesWhatTheHostComputes()
    {
        string elf = FirmwareImages.Build("nrf52840", "runtime-checks");
        ProcessResult run = FirmwareImages.Run("nrf52840", elf);
        Assert.True(run.ExitCode == 0, run.ToString());

        Dictionary<string, string> printed = new();
        foreach (string line in run.Output.Split('\n'))
        {
            string[] words = line.Trim().Split(' ');
            if (words.Length == 3 && words[0] == "check") printed[words[1]] = words[2];
        }
        for (int i = 0; i < RuntimeChecks.Count; i++)
        {
            string name = RuntimeChecks.Name(i);
            Assert.True(printed.TryGetValue(name, out string? value), $"check {name} not printed:\n{run.Output}");
            Assert.Equal(RuntimeChecks.Run(i, Seed).ToString(CultureInfo.InvariantCulture), value);
        }
    }
}
