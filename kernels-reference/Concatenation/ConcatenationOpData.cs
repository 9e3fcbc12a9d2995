namespace TfLiteMicro.Kernels.Reference;

/// <summary>What CONCATENATION's Prepare computes for Invoke.</summary>
public unsafe struct ConcatenationOpData
{
    /// <summary>The concatenation axis, made non-negative.</summary>
    public int Axis;

    /// <summary>Per input, the scratch buffer a LUT-compressed input is decompressed into (−1: not compressed); null when none is.</summary>
    public int* DecompressionIndices;
}
