using System;

namespace TfLiteMicro.Memory;

/// <summary>
/// Where the arena went (TFLM's RecordingMicroAllocator report): head (planned activations and scratch buffers),
/// tail (persistent) by category, with requested and aligned bytes and counts.
/// </summary>
public sealed partial class ArenaUsageReport
{
    private readonly int[] requested = new int[(int)AllocationCategory.Count];
    private readonly int[] used = new int[(int)AllocationCategory.Count];
    private readonly int[] counts = new int[(int)AllocationCategory.Count];

    /// <summary>Bytes of the planned head (shared by every interpreter of an allocator).</summary>
    public int HeadBytes { get; internal set; }

    /// <summary>Bytes of persistent allocations.</summary>
    public int TailBytes { get; internal set; }

    public int UsedBytes => HeadBytes + TailBytes;

    /// <summary>Bytes the memory plan needed for this allocator's last planned model.</summary>
    public int LastPlanBytes { get; internal set; }

    public int RequestedBytes(AllocationCategory category) => requested[(int)category];
    public int UsedBytesOf(AllocationCategory category) => used[(int)category];
    public int Count(AllocationCategory category) => counts[(int)category];

    internal void Record(AllocationCategory category, int requestedBytes, int usedBytes)
    {
        requested[(int)category] += requestedBytes;
        used[(int)category] += usedBytes;
        counts[(int)category]++;
    }

    public static ReadOnlySpan<byte> Name(AllocationCategory category)
    {
        switch (category)
        {
            case AllocationCategory.EvalTensors: return "eval tensors"u8;
            case AllocationCategory.Nodes: return "nodes"u8;
            case AllocationCategory.PersistentBuffers: return "persistent buffers (op data)"u8;
            case AllocationCategory.VariableTensors: return "variable tensors"u8;
            case AllocationCategory.ScratchHandles: return "scratch buffer handles"u8;
            case AllocationCategory.Bookkeeping: return "bookkeeping"u8;
            case AllocationCategory.ResourceVariables: return "resource variable table"u8;
            case AllocationCategory.CompressionData: return "compression tables"u8;
            case AllocationCategory.RepackedWeights: return "repacked weights"u8;
            default: return "unknown"u8;
        }
    }
}
