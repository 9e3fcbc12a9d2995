namespace TfLiteMicro.Memory;

/// <summary>Which planner lays out the head.</summary>
public enum MemoryPlannerKind
{
    /// <summary>TFLM's default: buffers share memory when their lifetimes do not overlap.</summary>
    Greedy,
    /// <summary>Every buffer gets its own memory (keeps all intermediate tensors readable; for tracing/debugging).</summary>
    Linear,
}
