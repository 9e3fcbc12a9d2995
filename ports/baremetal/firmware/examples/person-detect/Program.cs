using System.Runtime.InteropServices;
using TfLiteMicro.BareMetal;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Firmware.PersonDetect;

/// <summary>
/// TFLM's person_detection model (MobileNetV1 0.25, 96x96x1), int8. Registers every reference kernel (CONV_2D, DEPTHWISE_CONV_2D, SOFTMAX, pooling, ...); a list of
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
        int failures = ModelRunner.Run("person_detect", resolver);
        DeviceConsole.WriteLine(failures == 0 ? "person-detect: ok" : "person-detect: FAILED");
        return failures;
    }
}
