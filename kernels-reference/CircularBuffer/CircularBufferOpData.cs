namespace TfLiteMicro.Kernels.Reference;

/// <summary>Per-node state of CIRCULAR_BUFFER, kept in the arena.</summary>
public struct CircularBufferOpData
{
    /// <summary>Invocations per run of the rest of the graph (option 'cycles_max', or TFLM's shape heuristic).</summary>
    public int CyclesMax;
    /// <summary>Invocations left before the op lets the graph continue.</summary>
    public int CyclesUntilRun;
}
