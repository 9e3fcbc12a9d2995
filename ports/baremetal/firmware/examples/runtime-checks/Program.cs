using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.RuntimeCheckExample;

/// <summary>Prints <c>check NAME VALUE</c> for every runtime check; the firmware tests compare with the host.</summary>
public static class Program
{
    /// <summary>The seed the firmware uses; the test evaluates the checks with the same one.</summary>
    public const int Seed = 7;

    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        for (int i = 0; i < RuntimeChecks.Count; i++)
        {
            DeviceConsole.Write("check "u8);
            DeviceConsole.WriteChars(RuntimeChecks.Name(i));
            DeviceConsole.Write(" "u8);
            DeviceConsole.WriteUnsigned(RuntimeChecks.Run(i, Seed));
            DeviceConsole.WriteLine();
        }
        DeviceConsole.WriteLine("runtime-checks: done"u8);
        return 0;
    }
}
