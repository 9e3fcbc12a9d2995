using TfLiteMicro.Compression;

namespace TfLiteMicro;

/// <summary>Per-subgraph run-time tables, kept in the arena's tail.</summary>
internal unsafe struct SubgraphAllocation
{
    public EvalTensor* Tensors;
    public Node* Nodes;
    /// <summary>
    /// When the subgraph has LUT-compressed tensors: one pointer per tensor (null for an uncompressed one), as in
    /// TFLM's CompressedTensorList; else null.
    /// </summary>
    public LutTensor** Compressed;
    public int TensorCount;
    public int NodeCount;
}

/// <summary>A kernel's scratch-buffer request, recorded in the head during Prepare (as TFLM does).</summary>
internal struct ScratchRequest
{
    public int Bytes;
    public int NodeIndex;
    public int SubgraphIndex;
}

/// <summary>One buffer the memory plan must place: a tensor of some subgraph, or a scratch buffer.</summary>
internal unsafe struct AllocationInfo
{
    public int Bytes;
    /// <summary>Where the planned address is written (an EvalTensor's data pointer or a scratch handle).</summary>
    public void** OutputPointer;
    public int FirstCreated;
    public int LastUsed;
    public int OfflineOffset;
    public bool NeedsAllocating;
}
