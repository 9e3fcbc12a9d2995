using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.MlperfVwwInt8;

/// <summary>
/// MLPerf Tiny visual wake words (MobileNetV1 0.25, 96x96x3), int8. Registers only the operators the model contains, so only their kernels are linked.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver();
        // Only the operators the model contains: what is not registered is not linked (the image must fit 1 MB).
        Status registered = resolver.AddAveragePool2D();
        if (registered == Status.Ok) registered = resolver.AddConv2D();
        if (registered == Status.Ok) registered = resolver.AddDepthwiseConv2D();
        if (registered == Status.Ok) registered = resolver.AddFullyConnected();
        if (registered == Status.Ok) registered = resolver.AddReshape();
        if (registered == Status.Ok) registered = resolver.AddSoftmax();
        // The kernel set the build selected (--kernels, or the board's default) replaces what it accelerates.
        if (registered == Status.Ok) registered = FirmwareKernels.Apply(resolver);
        if (registered != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_vww_int8"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-vww-int8: ok"u8 : "mlperf-vww-int8: FAILED"u8);
        return failures;
    }
}
