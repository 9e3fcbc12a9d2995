using System;

namespace TfLiteMicro.Memory;

/// <summary>
/// TFLM's default planner (memory_planner/greedy_memory_planner.cc), reproduced so plans and arena sizes
/// match TFLM's byte for byte.
/// </summary>
/// <remarks>
/// Order of placement: offline-planned buffers first, in the order they were added, at their fixed offsets;
/// then online buffers by size, largest first. Ties between equal sizes go to the buffer added LATER: TFLM
/// fills the online part of its sort array from the back (reversing the add order) and then sorts it with a
/// stable descending sort. Each online buffer goes into the first gap, walking placed buffers in offset order
/// and looking only at those alive at the same time, that is large enough; otherwise right after the last of
/// them (offset 0 when none is alive). Placed buffers form a linked list sorted by offset, where a buffer with
/// an offset equal to earlier ones goes after them. Not optimal (the problem is NP-complete) but what TFLM
/// users' arena sizes are based on. The plan is computed lazily on the first query after a change.
/// Working memory per buffer: requirements (16 B) + sort value and id (8 B) + list entry (12 B) + offset
/// (4 B) = 40 B, TFLM's per_buffer_size().
/// </remarks>
public sealed unsafe class GreedyMemoryPlanner : MemoryPlanner
{
    private const int EndOfList = -1;

    private PlannerBufferRequirements* requirements;
    // Sizes and buffer ids in placement order: offline buffers, then online buffers by size descending.
    private int* sortedSizes;
    private int* sortedIds;
    private PlacedBufferEntry* entries;
    private int* offsets;

    private int capacity;
    private int count;
    private int firstEntryIndex;
    private bool initialized;
    private bool planIsCurrent;
    // Bounds on any end offset the plan can reach, kept so overflow is refused at AddBuffer time.
    private long onlineBytesTotal;
    private long highestOfflineEnd;

    public override int BytesPerBuffer =>
        sizeof(PlannerBufferRequirements) + sizeof(int) + sizeof(int) + sizeof(PlacedBufferEntry) + sizeof(int);

    public override bool PreservesAllTensors => false;

    public override int BufferCount => count;

    /// <summary>How many buffers the workspace given to <see cref="Init"/> can hold.</summary>
    public int Capacity => capacity;

    public override Status Init(byte* workspace, int workspaceBytes, ErrorReporter errors)
    {
        initialized = false;
        if (workspaceBytes < 0 || (workspace == null && workspaceBytes != 0))
        {
            return errors.Fail(Status.InvalidArgument, "memory planner workspace of "u8).Append(workspaceBytes)
                .Append(" bytes at a null or invalid address"u8);
        }
        int usable = AlignWorkspace(ref workspace, workspaceBytes);
        capacity = usable / BytesPerBuffer;

        byte* next = workspace;
        requirements = (PlannerBufferRequirements*)next;
        next += sizeof(PlannerBufferRequirements) * capacity;
        sortedSizes = (int*)next;
        next += sizeof(int) * capacity;
        sortedIds = (int*)next;
        next += sizeof(int) * capacity;
        entries = (PlacedBufferEntry*)next;
        next += sizeof(PlacedBufferEntry) * capacity;
        offsets = (int*)next;

        count = 0;
        firstEntryIndex = EndOfList;
        onlineBytesTotal = 0;
        highestOfflineEnd = 0;
        planIsCurrent = false;
        initialized = true;
        return Status.Ok;
    }

    public override Status AddBuffer(int sizeBytes, int firstUsed, int lastUsed, int offlineOffset, ErrorReporter errors)
    {
        if (!initialized) return FailNotInitialized(errors);
        Status valid = ValidateBuffer(count, sizeBytes, firstUsed, lastUsed, offlineOffset, errors);
        if (valid != Status.Ok) return valid;
        if (count >= capacity) return FailWorkspaceTooSmall(count + 1, BytesPerBuffer, capacity, errors);

        // Every placed end offset is at most the highest offline end plus all online sizes, so checking that
        // sum keeps every offset and the maximum size inside int.
        long newOnline = onlineBytesTotal;
        long newOfflineEnd = highestOfflineEnd;
        if (offlineOffset == OnlinePlanned) newOnline += sizeBytes;
        else if ((long)offlineOffset + sizeBytes > newOfflineEnd) newOfflineEnd = (long)offlineOffset + sizeBytes;
        if (newOnline + newOfflineEnd > int.MaxValue)
        {
            return errors.Fail(Status.ArenaTooSmall, "memory planner buffer "u8).Append(count)
                .Append(": the plan could exceed "u8).Append(int.MaxValue).Append(" bytes"u8);
        }
        onlineBytesTotal = newOnline;
        highestOfflineEnd = newOfflineEnd;

        PlannerBufferRequirements* current = &requirements[count];
        current->Size = sizeBytes;
        current->OfflineOffset = offlineOffset;
        current->FirstUsed = firstUsed;
        current->LastUsed = lastUsed;
        count++;
        planIsCurrent = false;
        return Status.Ok;
    }

    public override int GetMaximumMemorySize()
    {
        if (!initialized || count == 0) return 0;
        PlanIfNeeded();
        int maximum = 0;
        for (int index = firstEntryIndex; index != EndOfList; index = entries[index].NextEntryIndex)
        {
            PlacedBufferEntry* entry = &entries[index];
            int end = entry->Offset + requirements[entry->RequirementsIndex].Size;
            if (end > maximum) maximum = end;
        }
        return maximum;
    }

    public override Status GetOffsetForBuffer(int index, out int offset, ErrorReporter errors)
    {
        offset = 0;
        if (!initialized) return FailNotInitialized(errors);
        if (index < 0 || index >= count) return FailIndexOutOfRange(index, count, errors);
        PlanIfNeeded();
        offset = offsets[index];
        return Status.Ok;
    }

    public override bool GetBufferRequirements(int index, out int sizeBytes, out int firstUsed, out int lastUsed)
    {
        if (!initialized || index < 0 || index >= count)
        {
            sizeBytes = 0; firstUsed = 0; lastUsed = 0;
            return false;
        }
        PlannerBufferRequirements* r = &requirements[index];
        sizeBytes = r->Size; firstUsed = r->FirstUsed; lastUsed = r->LastUsed;
        return true;
    }

    private void PlanIfNeeded()
    {
        if (planIsCurrent || count == 0) return;
        planIsCurrent = true;

        // Offline buffers from the front in add order; online buffers from the back, which reverses their add
        // order and is what makes later-added buffers win size ties after the stable sort (as in TFLM).
        int fromBack = count;
        int fromFront = 0;
        for (int i = 0; i < count; i++)
        {
            if (requirements[i].OfflineOffset == OnlinePlanned)
            {
                fromBack--;
                sortedSizes[fromBack] = requirements[i].Size;
                sortedIds[fromBack] = i;
                offsets[i] = OnlinePlanned;
            }
            else
            {
                sortedSizes[fromFront] = requirements[i].Size;
                sortedIds[fromFront] = i;
                offsets[i] = requirements[i].OfflineOffset;
                fromFront++;
            }
        }
        SortDescendingStable(sortedSizes + fromFront, sortedIds + fromFront, count - fromFront);

        // The first buffer in placement order starts the list: at its fixed offset, or at 0.
        int firstId = sortedIds[0];
        if (requirements[firstId].OfflineOffset == OnlinePlanned) offsets[firstId] = 0;
        firstEntryIndex = 0;
        entries[0].Offset = offsets[firstId];
        entries[0].RequirementsIndex = firstId;
        entries[0].NextEntryIndex = EndOfList;

        for (int i = 1; i < count; i++)
        {
            int id = sortedIds[i];
            PlannerBufferRequirements* wanted = &requirements[id];
            int offset = wanted->OfflineOffset == OnlinePlanned
                ? FindFirstFit(wanted->Size, wanted->FirstUsed, wanted->LastUsed)
                : wanted->OfflineOffset;
            offsets[id] = offset;
            InsertByOffset(i, offset, id);
        }
    }

    /// <summary>
    /// Walks placed buffers alive during [first, last] in offset order; returns the start of the first gap
    /// of at least <paramref name="size"/> bytes, or the end of the last of them.
    /// </summary>
    private int FindFirstFit(int size, int firstUsed, int lastUsed)
    {
        int candidate = 0;
        int prior = EndOfList;
        while (true)
        {
            int next = NextAliveEntry(prior == EndOfList ? firstEntryIndex : entries[prior].NextEntryIndex, firstUsed, lastUsed);
            if (prior != EndOfList)
            {
                int priorEnd = entries[prior].Offset + requirements[entries[prior].RequirementsIndex].Size;
                if (priorEnd > candidate) candidate = priorEnd;
            }
            if (next == EndOfList) return candidate;
            // The gap can be negative when buffers overlap in memory (offline plans may do that on purpose).
            if (entries[next].Offset - candidate >= size) return candidate;
            prior = next;
        }
    }

    /// <summary>First entry from <paramref name="start"/> on (inclusive) whose lifetime meets [first, last].</summary>
    private int NextAliveEntry(int start, int firstUsed, int lastUsed)
    {
        for (int index = start; index != EndOfList; index = entries[index].NextEntryIndex)
        {
            PlannerBufferRequirements* r = &requirements[entries[index].RequirementsIndex];
            if (r->FirstUsed <= lastUsed && firstUsed <= r->LastUsed) return index;
        }
        return EndOfList;
    }

    /// <summary>Links entry <paramref name="newIndex"/> in, after every entry with an offset not above its own.</summary>
    private void InsertByOffset(int newIndex, int offset, int bufferId)
    {
        PlacedBufferEntry* added = &entries[newIndex];
        added->Offset = offset;
        added->RequirementsIndex = bufferId;
        if (entries[firstEntryIndex].Offset > offset)
        {
            added->NextEntryIndex = firstEntryIndex;
            firstEntryIndex = newIndex;
            return;
        }
        int current = firstEntryIndex;
        while (true)
        {
            int next = entries[current].NextEntryIndex;
            if (next == EndOfList || entries[next].Offset > offset)
            {
                added->NextEntryIndex = next;
                entries[current].NextEntryIndex = newIndex;
                return;
            }
            current = next;
        }
    }

    /// <summary>
    /// Sorts <paramref name="values"/> descending, moving <paramref name="ids"/> along, keeping equal values in
    /// their current order. Any stable sort gives the same result as TFLM's ReverseSortInPlace (a bubble sort
    /// that swaps only strictly smaller neighbours); insertion sort does it with fewer moves.
    /// </summary>
    internal static void SortDescendingStable(int* values, int* ids, int length)
    {
        for (int i = 1; i < length; i++)
        {
            int value = values[i];
            int id = ids[i];
            int j = i - 1;
            while (j >= 0 && values[j] < value)
            {
                values[j + 1] = values[j];
                ids[j + 1] = ids[j];
                j--;
            }
            values[j + 1] = value;
            ids[j + 1] = id;
        }
    }
}
