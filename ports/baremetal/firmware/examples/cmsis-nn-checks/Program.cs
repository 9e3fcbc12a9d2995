using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.CmsisNnChecks;

/// <summary>
/// Prints <c>calibration instructions N ticks T</c> for a loop of N instructions, then <c>check NAME INDEX HASH</c> for
/// every microkernel check; the firmware tests compare the hashes with the twins on the host.
/// </summary>
public static class Program
{
    /// <summary>Loop iterations of the calibration: 2 instructions each, plus the return.</summary>
    public const uint CalibrationIterations = 5_000_000;

    [DllImport("*", EntryPoint = "tflm_calibration_ticks")]
    private static extern ulong CalibrationTicks(uint iterations);

    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        ulong ticks = CalibrationTicks(CalibrationIterations);
        DeviceConsole.Write("calibration instructions "u8);
        DeviceConsole.WriteUnsigned(2UL * CalibrationIterations + 1);
        DeviceConsole.Write(" ticks "u8);
        DeviceConsole.WriteUnsigned(ticks);
        DeviceConsole.WriteLine();

        MicrokernelChecks checks = new MicrokernelChecks();
        for (int i = 0; i < MicrokernelChecks.Count; i++)
        {
            DeviceConsole.Write("check "u8);
            DeviceConsole.Write(MicrokernelChecks.Name(i));
            DeviceConsole.Write(" "u8);
            DeviceConsole.Write(i);
            DeviceConsole.Write(" "u8);
            DeviceConsole.WriteUnsigned(checks.Run(i));
            DeviceConsole.WriteLine();
        }
        DeviceConsole.WriteLine("cmsis-nn-checks: done"u8);
        return 0;
    }
}
