using Xunit;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>A fact that needs the ARM toolchain and QEMU; skipped with the names of the missing tools otherwise.</summary>
public sealed class FirmwareFactAttribute : FactAttribute
{
    public FirmwareFactAttribute()
    {
        if (Toolchain.MissingFirmwareTools is string missing)
            Skip = $"not installed: {missing} (./setup.sh installs gcc-arm-none-eabi, libnewlib-arm-none-eabi and qemu-system-arm)";
    }
}
