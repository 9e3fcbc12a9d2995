using System;

namespace TfLiteMicro.Memory;

/// <summary>
/// Puts every buffer right after the previous one, never sharing memory (TFLM's LinearMemoryPlanner), so all
/// tensors stay readable after Invoke — for debugging and layer-by-layer comparison, at the cost of a head as
/// large as the sum of all buffers.
/// </summary>
/// <remarks>
/// Offline-planned offsets are refused, as in TFLM (whose linear planner does not implement the offline
/// AddBuffer): honouring an offline plan's deliberate overlaps would break "preserves all tensors".
/// Unlike TFLM's fixed table of 1024 offsets, the offsets live in the workspace (4 bytes per buffer).
/// </remarks>
public sealed unsafe class LinearMemoryPlanner : MemoryPlanner
{
    private PlannerBufferRequirements* requirements;
    private int capacity;
    private int count;
    private int nextFreeOffset;
    private bool initialized;

    public override int BytesPerBuffer => sizeof(PlannerBufferRequirements);

    public override bool PreservesAllTensors => true;

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
        requirements = (PlannerBufferRequirements*)workspace;
        count = 0;
        nextFreeOffset = 0;
        initialized = true;
        return Status.Ok;
    }

    public override Status AddBuffer(int sizeBytes, int firstUsed, int lastUsed, int offlineOffset, ErrorReporter errors)
    {
        if (!initialized) return FailNotInitialized(errors);
        Status valid = ValidateBuffer(count, sizeBytes, firstUsed, lastUsed, offlineOffset, errors);
        if (valid != Status.Ok) return valid;
        if (offlineOffset != OnlinePlanned)
        {
            return errors.Fail(Status.InvalidArgument, "linear memory planner cannot place buffer "u8).Append(count)
                .Append(" at offline offset "u8).Append(offlineOffset)
                .Append("; offline memory plans need the greedy planner"u8);
        }
        if (count >= capacity) return FailWorkspaceTooSmall(count + 1, BytesPerBuffer, capacity, errors);
        if ((long)nextFreeOffset + sizeBytes > int.MaxValue)
        {
            return errors.Fail(Status.ArenaTooSmall, "memory planner buffer "u8).Append(count)
                .Append(": the plan would exceed "u8).Append(int.MaxValue).Append(" bytes"u8);
        }

        PlannerBufferRequirements* current = &requirements[count];
        current->Size = sizeBytes;
        current->OfflineOffset = nextFreeOffset;  // the planned offset: placement is final at add time
        current->FirstUsed = firstUsed;
        current->LastUsed = lastUsed;
        nextFreeOffset += sizeBytes;
        count++;
        return Status.Ok;
    }

    public override int GetMaximumMemorySize() => initialized ? nextFreeOffset : 0;

    public override Status GetOffsetForBuffer(int index, out int offset, ErrorReporter errors)
    {
        offset = 0;
        if (!initialized) return FailNotInitialized(errors);
        if (index < 0 || index >= count) return FailIndexOutOfRange(index, count, errors);
        offset = requirements[index].OfflineOffset;
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
}
