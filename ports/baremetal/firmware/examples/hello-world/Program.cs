using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.HelloWorld;

/// <summary>TFLM's hello_world: both sine models (float and int8) need only these three kernels.</summary>
public static class Program
{
    [UnmanagedCallersOnly(EntryPoint = "tflm_main")]
    public static int Run()
    {
        OpResolver resolver = new OpResolver(3);
        // The kernel set the build selected (--kernels, or the board's default) replaces what it accelerates.
        if (resolver.AddFullyConnected() != Status.Ok || resolver.AddQuantize() != Status.Ok || resolver.AddDequantize() != Status.Ok
            || FirmwareKernels.Apply(resolver) != Status.Ok)
        {
            DeviceConsole.WriteLine("cannot register the kernels"u8);
            return 1;
        }
        int failures = ModelRunner.Run("hello_world_float"u8, resolver) + ModelRunner.Run("hello_world_int8"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "hello-world: ok"u8 : "hello-world: FAILED"u8);
        return failures;
    }
}
