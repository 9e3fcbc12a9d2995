using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.MlperfKwsInt8;

/// <summary>
/// MLPerf Tiny keyword spotting (DS-CNN), int8. Registers every reference kernel (CONV_2D, DEPTHWISE_CONV_2D, SOFTMAX, pooling, ...); a list of
/// just the model's operators would link less code.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver();
        if (ReferenceKernels.AddAll(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels");
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_kws_int8", resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-kws-int8: ok" : "mlperf-kws-int8: FAILED");
        return failures;
    }
}
