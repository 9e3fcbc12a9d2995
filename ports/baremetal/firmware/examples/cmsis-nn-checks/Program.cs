using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.CmsisNnChecks;

/// <summary>Prints <c>check NAME HASH</c> for every microkernel check; the firmware tests compare with the twins on the host.</summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
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
