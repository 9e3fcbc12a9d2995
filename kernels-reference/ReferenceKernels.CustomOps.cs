namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddCircularBuffer(this OpResolver resolver) => resolver.AddCustom("CIRCULAR_BUFFER"u8, CircularBuffer.Kernel);

    public static Status AddDetectionPostProcess(this OpResolver resolver) =>
        resolver.AddCustom("TFLite_Detection_PostProcess"u8, DetectionPostProcess.Kernel);

    /// <summary>DECODE, TFLM's "TFLM_DECODE" custom op: expands LUT-, Huffman- or Prune-compressed constant tensors.</summary>
    public static Status AddDecode(this OpResolver resolver) => resolver.AddCustom(Decode.CustomName, Decode.Kernel);
}
