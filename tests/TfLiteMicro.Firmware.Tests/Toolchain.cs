using System;
using System.IO;
using System.Linq;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>Whether the external tools the firmware tests need are on PATH.</summary>
public static class Toolchain
{
    public static readonly string[] FirmwareTools = { "arm-none-eabi-gcc", "arm-none-eabi-objcopy", "qemu-system-arm" };

    private static readonly Lazy<string?> missing = new(() =>
    {
        string[] absent = FirmwareTools.Where(tool => !IsOnPath(tool)).ToArray();
        return absent.Length == 0 ? null : string.Join(", ", absent);
    });

    /// <summary>The missing tools, or null when everything is installed.</summary>
    public static string? MissingFirmwareTools => missing.Value;

    public static bool IsOnPath(string program)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
    }
}
