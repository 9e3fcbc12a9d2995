using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.MlperfVwwInt8;

/// <summary>
/// MLPerf Tiny visual wake words (MobileNetV1 0.25, 96x96x3), int8. Registers only the operators the model contains, so only their kernels are linked.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        // Exactly the operators of the model(s): ModelOperators.g.cs, written by `tflm resolver` (see its header).
        // What is not registered is not linked, so the image carries only these kernels.
        OpResolver resolver = new OpResolver(ModelOperators.OperatorCount);
        if (ModelOperators.Register(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_vww_int8"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-vww-int8: ok"u8 : "mlperf-vww-int8: FAILED"u8);
        return failures;
    }
}
