namespace TfLiteMicro.Kernels.Reference;

/// <summary>What RELU6's Prepare computes for Invoke (TFLM's <c>Relu6OpData</c>); kept in the arena.</summary>
public struct Relu6OpData
{
    /// <summary>0 and 6 quantized with the INPUT's scale and zero point (int8/int16).</summary>
    public int Zero;
    public int Six;
}
