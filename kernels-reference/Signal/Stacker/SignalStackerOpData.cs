namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of SignalStacker, kept in the arena.</summary>
public unsafe struct SignalStackerOpData
{
    public int NumChannels;
    public int LeftContext;
    public int RightContext;
    public int Step;
    /// <summary>Samples per output: NumChannels * (LeftContext + RightContext + 1).</summary>
    public int OutputSize;
    /// <summary>Samples dropped after each output: NumChannels * Step.</summary>
    public int StepSize;
    /// <summary>False until the first frame arrived (it is then repeated LeftContext times as padding).</summary>
    public bool HasFirstFrame;
    public SignalSampleRing Ring;
}
