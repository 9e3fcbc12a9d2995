namespace TfLiteMicro.Kernels.Reference;

/// <summary>What CONV_2D's Prepare computes for Invoke (TFLM's OpDataConv); kept in the arena, one per node.</summary>
public unsafe struct Conv2DOpData
{
    public ConvolutionGeometry Geometry;

    /// <summary>
    /// One requantization multiplier and shift per output channel (a per-tensor filter scale is broadcast, as in
    /// TFLM); null for float32.
    /// </summary>
    public int* PerChannelMultipliers;
    public int* PerChannelShifts;

    /// <summary>−input zero point (TFLM's input_offset; int8 only, the int16 kernel ignores zero points).</summary>
    public int InputOffset;

    /// <summary>Output zero point (int8 only).</summary>
    public int OutputOffset;

    /// <summary>Clamp range after the fused activation (quantized types).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;

    /// <summary>
    /// int4 weights: scratch buffer (one byte per weight) they are unpacked into at every Invoke, as TFLM does; −1 for
    /// other weight types.
    /// </summary>
    public int FilterScratchIndex;

    /// <summary>
    /// Float copy of int8 weights for "hybrid" models (float32 activations, int8 weights), made once at Prepare
    /// (<see cref="HybridWeights"/>); null otherwise.
    /// </summary>
    public float* DequantizedFilter;

    /// <summary>LUT-compressed filter / bias: scratch buffers they are decompressed into at Invoke; −1 when not compressed.</summary>
    public int FilterDecompressionIndex;
    public int BiasDecompressionIndex;

    /// <summary>Legacy uint8 (TFLite's per-tensor asymmetric quantization): offsets and requantization.</summary>
    public LegacyUInt8Parameters UInt8;
}
