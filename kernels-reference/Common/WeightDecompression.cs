namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare of the kernels with weights and bias that TFLM decompresses (FULLY_CONNECTED, CONV_2D,
/// DEPTHWISE_CONV_2D, TRANSPOSE_CONV): a scratch buffer for each LUT-compressed one, decoded into at every Invoke
/// with <see cref="KernelContext.GetDecompressedInput"/>. Hybrid int8 weights skip it: <see cref="HybridWeights"/>
/// decodes them once, when it dequantizes them.
/// </summary>
public static class WeightDecompression
{
    /// <summary>Indices are −1 for an input that is absent or not compressed (and for the filter when <paramref name="filterDecodedAtPrepare"/>).</summary>
    public static Status Request(KernelContext context, ref Node node, int filterInput, int biasInput, bool filterDecodedAtPrepare,
        out int filterScratchIndex, out int biasScratchIndex)
    {
        filterScratchIndex = -1;
        biasScratchIndex = -1;
        Status status = filterDecodedAtPrepare ? Status.Ok : context.RequestDecompressionScratch(ref node, filterInput, out filterScratchIndex);
        if (status == Status.Ok) status = context.RequestDecompressionScratch(ref node, biasInput, out biasScratchIndex);
        return status;
    }
}
