namespace TfLiteMicro.Memory;

/// <summary>
/// Owns one arena and hands it to one or more interpreters (multi-tenancy, as TFLM's MicroAllocator): each
/// interpreter's persistent data accumulates in the shared tail, while the head is shared and sized to the
/// largest plan — so interpreters on one allocator must not run concurrently.
/// </summary>
public sealed unsafe class MicroAllocator
{
    private readonly ArenaAllocator arena;
    private bool modelIsAllocating;

    public MicroAllocator(byte* arenaStart, int arenaBytes, MemoryPlannerKind plannerKind = MemoryPlannerKind.Greedy)
    {
        arena = new ArenaAllocator(arenaStart, arenaBytes);
        PlannerKind = plannerKind;
        Report = new ArenaUsageReport();
    }

    public MemoryPlannerKind PlannerKind { get; }

    public ArenaAllocator Arena => arena;

    public ArenaUsageReport Report { get; }

    /// <summary>Head + tail bytes in use (TFLM's arena_used_bytes).</summary>
    public int UsedBytes => arena.UsedBytes;

    /// <summary>Largest head any model planned on this allocator needs.</summary>
    public int MaxHeadBytes { get; private set; }

    internal bool BeginModelAllocation()
    {
        if (modelIsAllocating) return false;
        modelIsAllocating = true;
        return true;
    }

    internal void EndModelAllocation() => modelIsAllocating = false;

    /// <summary>Persistent allocation recorded under <paramref name="category"/>; null when the arena is full.</summary>
    internal byte* AllocatePersistent(int bytes, int alignment, AllocationCategory category)
    {
        int before = arena.TailBytes;
        byte* result = arena.AllocatePersistent(bytes, alignment);
        if (result != null)
        {
            Report.Record(category, bytes, arena.TailBytes - before);
            Report.TailBytes = arena.TailBytes;
        }
        return result;
    }

    internal void RecordPlan(int planBytes)
    {
        if (planBytes > MaxHeadBytes) MaxHeadBytes = planBytes;
        Report.LastPlanBytes = planBytes;
        Report.HeadBytes = arena.HeadBytes;
        Report.TailBytes = arena.TailBytes;
    }

    internal void RefreshReport()
    {
        Report.HeadBytes = arena.HeadBytes;
        Report.TailBytes = arena.TailBytes;
    }
}
