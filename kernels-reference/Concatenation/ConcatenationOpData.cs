namespace TfLiteMicro.Kernels.Reference;

/// <summary>What CONCATENATION's Prepare computes for Invoke.</summary>
public unsafe struct ConcatenationOpData
{
    /// <summary>The concatenation axis, made non-negative.</summary>
    public int Axis;

    /// <summary>Per input, the scratch buffer a LUT-compressed input is decompressed into (−1: not compressed); null when none is.</summary>
    public int* DecompressionIndices;

    /// <summary>Legacy uint8 (TFLite's ConcatenationWithScaling): per input, its rescaling to the output; null otherwise.</summary>
    public ConcatenationUInt8Input* UInt8Inputs;
    public int UInt8OutputZeroPoint;
}
