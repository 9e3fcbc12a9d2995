using System;

namespace TfLiteMicro.Memory;

/// <summary>
/// Lays out the head of the arena: given every non-persistent buffer's size and lifetime, decides the byte
/// offset of each one so that buffers alive at the same time never share bytes (TFLM's MicroMemoryPlanner).
/// </summary>
/// <remarks>
/// Use: <see cref="Init"/> with working memory (the allocator carves it from free arena space at plan time, as
/// TFLM does), one <see cref="AddBuffer"/> per buffer (the call order is the buffer's index), then
/// <see cref="GetMaximumMemorySize"/> and <see cref="GetOffsetForBuffer"/>. Lifetimes are inclusive TFLM
/// "allocation scope" indices (first_created .. last_used); two buffers overlap in time when their ranges
/// share at least one index. Sizes arrive already aligned by the caller. The working memory only has to live
/// until the offsets have been read; nothing is allocated on the managed heap while planning.
/// </remarks>
public abstract unsafe partial class MemoryPlanner
{
    /// <summary>The offline offset that means "no fixed offset, plan this buffer" (TFLM's kOnlinePlannedBuffer).</summary>
    public const int OnlinePlanned = -1;

    /// <summary>
    /// Starts a new plan over <paramref name="workspaceBytes"/> bytes of working memory, forgetting earlier
    /// buffers. The number of buffers that fit is <paramref name="workspaceBytes"/> / <see cref="BytesPerBuffer"/>
    /// (less a few bytes if <paramref name="workspace"/> is not 4-byte aligned).
    /// </summary>
    public abstract Status Init(byte* workspace, int workspaceBytes, ErrorReporter errors);

    /// <summary>
    /// Records one buffer. <paramref name="offlineOffset"/> is a fixed offset from the head start decided
    /// offline (model metadata), or <see cref="OnlinePlanned"/>.
    /// </summary>
    public abstract Status AddBuffer(int sizeBytes, int firstUsed, int lastUsed, int offlineOffset, ErrorReporter errors);

    /// <summary>Buffers recorded since <see cref="Init"/>.</summary>
    public abstract int BufferCount { get; }

    /// <summary>Bytes of head needed by the plan: the highest end offset of any buffer (0 with no buffers).</summary>
    public abstract int GetMaximumMemorySize();

    /// <summary>Planned offset (from the head start) of the buffer added <paramref name="index"/>-th.</summary>
    public abstract Status GetOffsetForBuffer(int index, out int offset, ErrorReporter errors);

    /// <summary>
    /// True when no two buffers share memory, so every tensor stays readable after Invoke (enables reading
    /// intermediate tensors for debugging, as TFLM's preserves_all_tensors()).
    /// </summary>
    public abstract bool PreservesAllTensors { get; }

    /// <summary>Workspace bytes needed per buffer, so the allocator can size the memory given to <see cref="Init"/>.</summary>
    public abstract int BytesPerBuffer { get; }

    /// <summary>
    /// Size and lifetime of a recorded buffer, as given to <see cref="AddBuffer"/> (for reports and diagrams).
    /// False when <paramref name="index"/> is out of range.
    /// </summary>
    public abstract bool GetBufferRequirements(int index, out int sizeBytes, out int firstUsed, out int lastUsed);

    /// <summary>
    /// Aligns <paramref name="workspace"/> up to 4 bytes (the working arrays hold ints; unaligned word access
    /// faults on some cores) and returns how many bytes remain usable, never negative.
    /// </summary>
    private protected static int AlignWorkspace(ref byte* workspace, int workspaceBytes)
    {
        if (workspace == null) return 0;
        byte* aligned = (byte*)(((nuint)workspace + 3) & ~(nuint)3);
        int usable = workspaceBytes - (int)(aligned - workspace);
        workspace = aligned;
        return usable < 0 ? 0 : usable;
    }

    /// <summary>Checks the arguments every planner rejects the same way; Ok when they are usable.</summary>
    private protected static Status ValidateBuffer(
        int index, int sizeBytes, int firstUsed, int lastUsed, int offlineOffset, ErrorReporter errors)
    {
        if (sizeBytes < 0)
        {
            return errors.Fail(Status.InvalidArgument, "memory planner buffer "u8).Append(index)
                .Append(": size "u8).Append(sizeBytes).Append(" is negative"u8);
        }
        if (lastUsed < firstUsed)
        {
            return errors.Fail(Status.InvalidArgument, "memory planner buffer "u8).Append(index)
                .Append(": last use "u8).Append(lastUsed).Append(" is before first use "u8).Append(firstUsed);
        }
        if (offlineOffset < OnlinePlanned)
        {
            return errors.Fail(Status.InvalidArgument, "memory planner buffer "u8).Append(index)
                .Append(": offline offset "u8).Append(offlineOffset).Append(" is negative (only -1, plan online, is allowed)"u8);
        }
        return Status.Ok;
    }

    private protected static Status FailWorkspaceTooSmall(int bufferCount, int bytesPerBuffer, int capacity, ErrorReporter errors)
    {
        return errors.Fail(Status.ArenaTooSmall, "memory planner workspace too small for "u8).Append(bufferCount)
            .Append(" buffers (needs "u8).Append((long)bufferCount * bytesPerBuffer).Append(" bytes, has room for "u8)
            .Append(capacity).Append(')');
    }

    private protected static Status FailIndexOutOfRange(int index, int count, ErrorReporter errors)
    {
        return errors.Fail(Status.InvalidArgument, "memory planner buffer index "u8).Append(index)
            .Append(" is outside 0.."u8).Append(count - 1);
    }

    private protected static Status FailNotInitialized(ErrorReporter errors)
    {
        return errors.Fail(Status.InvalidState, "memory planner used before Init"u8);
    }
}
