using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.MlperfAdInt8;

/// <summary>
/// MLPerf Tiny anomaly detection (FC autoencoder, ToyCar), int8. Only the kernels the model uses are registered, so only they are linked.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver(1);
        // The kernel set the build selected (--kernels, or the board's default) replaces what it accelerates.
        if (resolver.AddFullyConnected() != Status.Ok || FirmwareKernels.Apply(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_ad_int8"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-ad-int8: ok"u8 : "mlperf-ad-int8: FAILED"u8);
        return failures;
    }
}
