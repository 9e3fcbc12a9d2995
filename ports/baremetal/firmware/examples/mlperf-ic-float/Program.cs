using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.MlperfIcFloat;

/// <summary>
/// MLPerf Tiny image classification (ResNet-8, CIFAR-10), float32. Registers only the operators the model contains, so only their kernels are linked.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        // Exactly the operators of the model: ModelOperators.g.cs, written by `tflm resolver` (see its header).
        // What is not registered is not linked (the image must fit 1 MB).
        OpResolver resolver = new OpResolver(ModelOperators.OperatorCount);
        // Then the kernel set the build selected (--kernels, or the board's default) replaces what it accelerates.
        if (ModelOperators.Register(resolver) != Status.Ok || FirmwareKernels.Apply(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_ic_float"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-ic-float: ok"u8 : "mlperf-ic-float: FAILED"u8);
        return failures;
    }
}
