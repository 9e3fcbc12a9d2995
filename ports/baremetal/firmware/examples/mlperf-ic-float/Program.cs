using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.MlperfIcFloat;

/// <summary>
/// MLPerf Tiny image classification (ResNet-8, CIFAR-10), float32. Registers only the operators the model contains, so only their kernels are linked.
/// </summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver();
        // Only the operators the model contains: what is not registered is not linked (the image must fit 1 MB).
        Status registered = resolver.AddAdd();
        if (registered == Status.Ok) registered = resolver.AddAveragePool2D();
        if (registered == Status.Ok) registered = resolver.AddConv2D();
        if (registered == Status.Ok) registered = resolver.AddFullyConnected();
        if (registered == Status.Ok) registered = resolver.AddReshape();
        if (registered == Status.Ok) registered = resolver.AddSoftmax();
        if (registered != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("mlperf_ic_float"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "mlperf-ic-float: ok"u8 : "mlperf-ic-float: FAILED"u8);
        return failures;
    }
}
