namespace TfLiteMicro.Memory;

/// <summary>What the caller asked for one buffer; lives in the planner's workspace (TFLM's BufferRequirements).</summary>
internal struct PlannerBufferRequirements
{
    public int Size;
    public int OfflineOffset;
    public int FirstUsed;
    public int LastUsed;
}
