namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalDelay, kept in the arena: one sample queue per frame of the input.</summary>
public unsafe struct SignalDelayOpData
{
    /// <summary>Samples each frame is delayed by (option 'delay_length').</summary>
    public int DelayLength;
    /// <summary>Length of the input's innermost dimension.</summary>
    public int FrameSize;
    /// <summary>Number of independent frames (element count / FrameSize).</summary>
    public int OuterDims;
    /// <summary>OuterDims queues of FrameSize + DelayLength samples each.</summary>
    public SignalSampleRing* Rings;
}
