namespace TfLiteMicro.Kernels.Reference;

/// <summary>What FULLY_CONNECTED's Prepare computes for Invoke; kept in the arena (one per node).</summary>
public unsafe struct FullyConnectedOpData
{
    /// <summary>Per-tensor requantization (used when <see cref="PerChannelMultipliers"/> is null).</summary>
    public int OutputMultiplier;
    public int OutputShift;

    /// <summary>One multiplier and shift per output channel for per-channel quantized weights (else null).</summary>
    public int* PerChannelMultipliers;
    public int* PerChannelShifts;

    public int InputZeroPoint;
    public int FilterZeroPoint;
    public int OutputZeroPoint;

    /// <summary>Clamp range after the fused activation (quantized types).</summary>
    public int OutputActivationMin;
    public int OutputActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;

    /// <summary>Rows of the input matrix (all input elements / accumulation depth).</summary>
    public int Batches;

    /// <summary>
    /// Float copy of int8 weights for "hybrid" models (float32 activations, int8 weights), made once at Prepare;
    /// null otherwise.
    /// </summary>
    public float* DequantizedFilter;

    /// <summary>
    /// int4 weights: scratch buffer (one byte per weight) they are unpacked into at every Invoke, as TFLM does; −1 for
    /// other weight types.
    /// </summary>
    public int FilterScratchIndex;

    /// <summary>LUT-compressed weights / bias: scratch buffers they are decompressed into at Invoke; −1 when not compressed.</summary>
    public int FilterDecompressionIndex;
    public int BiasDecompressionIndex;

    /// <summary>Inner dimension: the filter's last dimension.</summary>
    public int AccumulationDepth;

    /// <summary>Output channels: the filter's first dimension.</summary>
    public int OutputDepth;

    /// <summary>Legacy uint8 (TFLite's per-tensor asymmetric quantization): offsets and requantization.</summary>
    public LegacyUInt8Parameters UInt8;
}
