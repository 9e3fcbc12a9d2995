namespace TfLiteMicro.Kernels.Reference;

/// <summary>What DEPTHWISE_CONV_2D's Prepare computes for Invoke (TFLM's OpDataConv); kept in the arena, one per node.</summary>
public unsafe struct DepthwiseConv2DOpData
{
    public ConvolutionGeometry Geometry;

    /// <summary>One requantization multiplier and shift per output channel (quantized types; null for float32).</summary>
    public int* PerChannelMultipliers;
    public int* PerChannelShifts;

    /// <summary>−input zero point (int8 only).</summary>
    public int InputOffset;

    /// <summary>Output zero point (int8 only).</summary>
    public int OutputOffset;

    public int OutputActivationMin;
    public int OutputActivationMax;

    public float FloatActivationMin;
    public float FloatActivationMax;

    /// <summary>Scratch buffer of one int64 accumulator per output channel (int16); −1 for other types.</summary>
    public int ScratchBufferIndex;

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

    /// <summary>
    /// Legacy uint8 (TFLite's per-tensor asymmetric quantization): offsets and requantization, allocated in Prepare
    /// for a uint8 node only (a pointer, so int8 and float nodes do not carry 28 bytes of it in the arena).
    /// </summary>
    public LegacyUInt8Parameters* UInt8;
}
