namespace TfLiteMicro.Kernels.Reference;

/// <summary>What RELU's Prepare computes for Invoke (TFLM's <c>ReluOpData</c> / <c>ReluParams</c>); kept in the arena.</summary>
public struct ReluOpData
{
    /// <summary>Requantization from input to output scale (int8/int16).</summary>
    public int OutputMultiplier;
    public int OutputShift;
    public int InputOffset;
    public int OutputOffset;

    /// <summary>Output clamp: [max(type min, output zero point), type max].</summary>
    public int QuantizedActivationMin;
    public int QuantizedActivationMax;
}
