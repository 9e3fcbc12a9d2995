namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalOverlapAdd, kept in the arena.</summary>
public unsafe struct SignalOverlapAddOpData
{
    /// <summary>INT16 or FLOAT32 (option 'T').</summary>
    public TensorType Type;
    public int FrameStep;
    /// <summary>Input's innermost dimension.</summary>
    public int FrameSize;
    /// <summary>Input's second innermost dimension.</summary>
    public int FramesPerRow;
    public int OuterDims;
    /// <summary>OuterDims accumulators of FrameSize samples (short or float), back to back.</summary>
    public void* State;
}
