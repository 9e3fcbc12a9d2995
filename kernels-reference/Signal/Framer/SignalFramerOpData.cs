namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalFramer, kept in the arena: one sample queue per innermost input row.</summary>
public unsafe struct SignalFramerOpData
{
    public int FrameSize;
    public int FrameStep;
    /// <summary>Start each queue with FrameSize - FrameStep zeros so the first invocation already yields frames.</summary>
    public bool Prefill;
    /// <summary>Number of independent rows (element count / innermost dimension).</summary>
    public int OuterDims;
    /// <summary>Frames produced per row and invocation (innermost dimension / FrameStep).</summary>
    public int FramesPerRow;
    public SignalSampleRing* Rings;
}
