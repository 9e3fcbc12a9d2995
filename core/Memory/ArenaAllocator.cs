namespace TfLiteMicro.Memory;

/// <summary>
/// The single arena, split like TFLM's <c>SingleArenaBufferAllocator</c>:
/// <code>
///  low addresses                                                   high addresses
///  | head (planned, non-persistent) | temp -> ...free...  <- tail (persistent) |
/// </code>
/// The head holds activations and scratch buffers laid out by the memory planner (and, during Prepare, the list
/// of scratch-buffer requests); temp holds short-lived Prepare-time allocations and must be empty before the head
/// is resized; the tail grows downwards and holds everything that lives as long as the interpreter.
/// Both ends are aligned to 16 bytes (the start up, the end down), so the layout relative to them — and therefore
/// the bytes a model needs — does not depend on where the caller's memory starts or ends.
/// </summary>
public sealed unsafe class ArenaAllocator
{
    private readonly byte* bufferHead;
    private readonly byte* bufferTail;
    private byte* head;
    private byte* temp;
    private byte* tail;
    private int tempCount;
    private nuint tempChecksum;
    private int tempHighWater;
    private int peakBytes;
    private readonly byte* arenaStart;
    private long failedUsage;

    /// <param name="arena">Caller-owned memory; its start is aligned up and its end down to 16 bytes.</param>
    /// <param name="size">Bytes available at <paramref name="arena"/> (0 for null memory).</param>
    public ArenaAllocator(byte* arena, int size)
    {
        if (arena == null || size < 0) size = 0;
        byte* end = arena + size;
        bufferHead = ArenaAlignment.AlignUp(arena, ArenaAlignment.BufferAlignment);
        bufferTail = ArenaAlignment.AlignDown(end, ArenaAlignment.BufferAlignment);
        if (bufferHead > end || bufferTail < bufferHead || bufferHead < arena)
        {
            bufferHead = arena;
            bufferTail = arena;
        }
        arenaStart = arena;
        head = bufferHead;
        temp = bufferHead;
        tail = bufferTail;
        ArenaBytes = size;
    }

    /// <summary>Bytes the caller provided.</summary>
    public int ArenaBytes { get; }

    /// <summary>Start of the head (the base address planned offsets are relative to).</summary>
    public byte* HeadStart => bufferHead;

    /// <summary>Bytes currently reserved by the head.</summary>
    public int HeadBytes => (int)(head - bufferHead);

    /// <summary>Bytes of persistent (tail) allocations.</summary>
    public int TailBytes => (int)(bufferTail - tail);

    /// <summary>Head plus tail: what must stay reserved while the model runs (TFLM's <c>arena_used_bytes</c>).</summary>
    public int UsedBytes => HeadBytes + TailBytes;

    /// <summary>Largest temp footprint seen (informational: temp lives between head and tail).</summary>
    public int TempHighWaterBytes => tempHighWater;

    /// <summary>The most head the arena could hold with the current tail.</summary>
    public int HeadCapacity => (int)(tail - bufferHead);

    /// <summary>
    /// The most arena ever in use at once, counting temp memory (which <see cref="UsedBytes"/> does not): the
    /// smallest arena, measured from its aligned start, in which the same allocation sequence succeeds.
    /// </summary>
    public int PeakBytes => peakBytes;

    /// <summary>Number of temp allocations not yet released.</summary>
    public int OutstandingTempAllocations => tempCount;

    /// <summary>Free bytes between the end of temp and the start of the tail, after aligning both.</summary>
    public int GetAvailableMemory(int alignment)
    {
        byte* low = ArenaAlignment.AlignUp(temp, alignment);
        byte* high = ArenaAlignment.AlignDown(tail, alignment);
        return high > low ? (int)(high - low) : 0;
    }

    /// <summary>Allocates from the tail; null when the arena is exhausted.</summary>
    public byte* AllocatePersistent(int size, int alignment)
    {
        if (size < 0) return null;
        byte* result = ArenaAlignment.AlignDown(tail - size, alignment);
        if (result < temp || result < bufferHead || tail - size > tail)
        {
            failedUsage = (temp - bufferHead) + AlignUp((long)TailBytes + size, alignment);
            return null;
        }
        tail = result;
        UpdatePeak();
        return result;
    }

    /// <summary>Allocates short-lived memory above the head; release with <see cref="DeallocateTemp"/>.</summary>
    public byte* AllocateTemp(int size, int alignment)
    {
        if (size < 0) return null;
        byte* result = ArenaAlignment.AlignUp(temp, alignment);
        if (result + size > tail || result + size < result)
        {
            failedUsage = AlignUp(temp - bufferHead, alignment) + size + TailBytes;
            return null;
        }
        temp = result + size;
        tempCount++;
        tempChecksum ^= (nuint)result;
        int footprint = (int)(temp - head);
        if (footprint > tempHighWater) tempHighWater = footprint;
        UpdatePeak();
        return result;
    }

    public void DeallocateTemp(byte* buffer)
    {
        if (buffer == null) return;
        tempCount--;
        tempChecksum ^= (nuint)buffer;
    }

    /// <summary>True when every temp allocation was paired with a deallocation (TFLM's XOR-checksum audit).</summary>
    public bool IsAllTempDeallocated => tempCount == 0 && tempChecksum == 0;

    /// <summary>Drops all temp allocations. Returns false when some were never deallocated (a kernel bug).</summary>
    public bool ResetTempAllocations()
    {
        bool clean = IsAllTempDeallocated;
        temp = head;
        tempCount = 0;
        tempChecksum = 0;
        return clean;
    }

    /// <summary>
    /// Sets the head to exactly <paramref name="size"/> bytes (used for the scratch-request list during Prepare).
    /// Fails when temp memory is in use or the head would run into the tail.
    /// </summary>
    public bool ResizeHead(int size)
    {
        if (temp != head || size < 0) return false;
        byte* newHead = bufferHead + size;
        if (newHead > tail || newHead < bufferHead)
        {
            failedUsage = (long)size + TailBytes;
            return false;
        }
        head = newHead;
        temp = head;
        UpdatePeak();
        return true;
    }

    /// <summary>
    /// Bytes head, temp and tail would have taken together had the last failed allocation succeeded (alignment
    /// included), and forgets it; 0 when nothing failed since the last call. What <see cref="RequiredArenaBytes"/>
    /// turns into the "arena needs at least" figure: a lower bound of the smallest working arena, and more than the
    /// arena has.
    /// </summary>
    public long TakeFailedUsage()
    {
        long usage = failedUsage;
        failedUsage = 0;
        return usage;
    }

    private static long AlignUp(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private void UpdatePeak()
    {
        int inUse = (int)(temp - bufferHead) + TailBytes;
        if (inUse > peakBytes) peakBytes = inUse;
    }

    /// <summary>
    /// Makes the head at least <paramref name="size"/> bytes (never shrinks it: with several interpreters on one
    /// arena the head is shared and sized to the largest plan).
    /// </summary>
    public bool ReserveHead(int size)
    {
        if (size <= HeadBytes) return true;
        return ResizeHead(size);
    }

    /// <summary>Bytes the arena would need if the head were <paramref name="headBytes"/> with the current tail.</summary>
    public int RequiredBytesForHead(int headBytes) => RequiredArenaBytes((long)headBytes + TailBytes);

    /// <summary>
    /// The smallest arena (at this start address) whose head and tail can hold <paramref name="usage"/> bytes at once:
    /// the start's alignment padding plus the usage rounded up to 16 (the end is aligned down to 16).
    /// </summary>
    public int RequiredArenaBytes(long usage)
    {
        long aligned = (usage + ArenaAlignment.BufferAlignment - 1) / ArenaAlignment.BufferAlignment * ArenaAlignment.BufferAlignment;
        long bytes = (bufferHead - arenaStart) + aligned;
        return bytes > int.MaxValue ? int.MaxValue : (int)bytes;
    }

    /// <summary>
    /// The smallest arena in which everything allocated so far fits (<see cref="PeakBytes"/> rounded as
    /// <see cref="RequiredArenaBytes"/> does): exact for the same sequence of allocations.
    /// </summary>
    public int RequiredBytes => RequiredArenaBytes(peakBytes);

    /// <summary>Bytes in use right now: head (or temp, whichever reaches further) plus tail.</summary>
    public int InUseBytes => (int)(temp - bufferHead) + TailBytes;
}
