using System;
using TfLiteMicro.Profiling;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// Attributes managed allocations during Invoke to the operator that made them: the interpreter calls it around
/// every kernel invocation (nested for control flow), and it compares the thread's allocated-bytes counter before
/// and after. It allocates nothing itself.
/// </summary>
public sealed class AllocationProfiler : MicroProfiler
{
    private const int MaxDepth = 64;
    private readonly long[] startBytes = new long[MaxDepth];
    private readonly BuiltinOperator[] codes = new BuiltinOperator[MaxDepth];
    private int depth;

    /// <summary>The innermost operator that allocated (NONE known: <see cref="HasAllocation"/> false).</summary>
    public BuiltinOperator AllocatingOperator { get; private set; }

    public long AllocatedBytes { get; private set; }

    public bool HasAllocation { get; private set; }

    public void Reset()
    {
        depth = 0;
        HasAllocation = false;
        AllocatedBytes = 0;
    }

    public override int BeginEvent(OperatorName tag)
    {
        int handle = depth;
        if (depth < MaxDepth)
        {
            codes[depth] = tag.Code;
            startBytes[depth] = GC.GetAllocatedBytesForCurrentThread();
        }
        depth++;
        return handle;
    }

    public override void EndEvent(int handle)
    {
        depth = handle;
        if (handle >= MaxDepth) return;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - startBytes[handle];
        // Keep the innermost operator: an outer WHILE sees its body's allocations too.
        if (allocated > 0 && (!HasAllocation || allocated < AllocatedBytes || AllocatedBytes == 0))
        {
            HasAllocation = true;
            AllocatedBytes = allocated;
            AllocatingOperator = codes[handle];
        }
    }
}
