using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;

namespace TfLiteMicro.Firmware.HelloWorld;

/// <summary>TFLM's hello_world: both sine models (float and int8), with only the kernels they use.</summary>
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
        int failures = ModelRunner.Run("hello_world_float"u8, resolver) + ModelRunner.Run("hello_world_int8"u8, resolver);
        DeviceConsole.WriteLine(failures == 0 ? "hello-world: ok"u8 : "hello-world: FAILED"u8);
        return failures;
    }
}
