namespace TfLiteMicro.Kernels.Reference;

/// <summary>What TRANSPOSE_CONV's Prepare computes for Invoke; kept in the arena, one per node.</summary>
public unsafe struct TransposeConvOpData
{
    /// <summary>Input is the op's data input (tensor 2), output its output; FilterInputDepth is the input depth.</summary>
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

    /// <summary>Scratch buffer holding one int32 (int8) or int64 (int16) accumulator per output element.</summary>
    public int ScratchBufferIndex;

    /// <summary>LUT-compressed filter / bias: scratch buffers they are decompressed into at Invoke; −1 when not compressed.</summary>
    public int FilterDecompressionIndex;
    public int BiasDecompressionIndex;
}
