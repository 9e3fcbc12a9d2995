namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddCircularBuffer(this OpResolver resolver) => resolver.AddCustom("CIRCULAR_BUFFER", CircularBuffer.Kernel);

    public static Status AddDetectionPostProcess(this OpResolver resolver) =>
        resolver.AddCustom("TFLite_Detection_PostProcess", DetectionPostProcess.Kernel);
}
