using System;

namespace TfLiteMicro.Memory;

/// <summary>
/// The "OfflineMemoryAllocation" model metadata (written by tools such as Vela): fixed head offsets for some
/// or all tensors, decided before the model reaches the device.
/// </summary>
/// <remarks>
/// Layout, int32 little-endian words: [0] format version, [1] subgraph count, [2] n, then n offsets — one per
/// tensor, subgraph after subgraph in order (the global tensor index), each a byte offset from the head start
/// or -1 to let the planner place it. Like TFLM, version and subgraph count are not interpreted. Offsets may
/// overlap on purpose (the offline tool knew the lifetimes). <c>default(OfflinePlan)</c> means "no metadata":
/// every tensor is planned online. A view over the metadata bytes: nothing is copied.
/// </remarks>
public readonly ref struct OfflinePlan
{
    /// <summary>Metadata name TFLM looks for (exact match).</summary>
    public static ReadOnlySpan<byte> MetadataName => "OfflineMemoryAllocation"u8;

    private const int HeaderWords = 3;
    private const int WordBytes = 4;

    private readonly ReadOnlySpan<byte> offsetBytes;

    private OfflinePlan(ReadOnlySpan<byte> offsetBytes, int version, int subgraphCount, int tensorCount)
    {
        this.offsetBytes = offsetBytes;
        Version = version;
        SubgraphCount = subgraphCount;
        TensorCount = tensorCount;
    }

    /// <summary>Word [0] as stored (not interpreted).</summary>
    public int Version { get; }

    /// <summary>Word [1] as stored (not interpreted).</summary>
    public int SubgraphCount { get; }

    /// <summary>Number of offsets (word [2]); 0 for the default, empty plan.</summary>
    public int TensorCount { get; }

    /// <summary>False for <c>default(OfflinePlan)</c> (the model has no offline plan).</summary>
    public bool IsPresent => TensorCount > 0 || !offsetBytes.IsEmpty;

    /// <summary>
    /// Reads and validates the metadata buffer. <paramref name="expectedTensorCount"/> is the total tensor
    /// count over all subgraphs; the metadata must list exactly that many offsets (TFLM refuses the model
    /// otherwise).
    /// </summary>
    public static Status TryParse(ReadOnlySpan<byte> metadata, int expectedTensorCount, ErrorReporter errors, out OfflinePlan plan)
    {
        plan = default;
        if (expectedTensorCount < 0)
        {
            return errors.Fail(Status.InvalidArgument, "offline memory plan: expected tensor count "u8)
                .Append(expectedTensorCount).Append(" is negative"u8);
        }
        if (metadata.Length < HeaderWords * WordBytes)
        {
            return errors.Fail(Status.MalformedModel, "OfflineMemoryAllocation metadata is "u8).Append(metadata.Length)
                .Append(" bytes; the header alone needs "u8).Append(HeaderWords * WordBytes);
        }
        int version = ReadWord(metadata, 0);
        int subgraphCount = ReadWord(metadata, 1);
        int offsetCount = ReadWord(metadata, 2);
        if (offsetCount < 0)
        {
            return errors.Fail(Status.MalformedModel, "OfflineMemoryAllocation metadata declares "u8).Append(offsetCount)
                .Append(" offsets"u8);
        }
        if (offsetCount != expectedTensorCount)
        {
            return errors.Fail(Status.MalformedModel, "OfflineMemoryAllocation metadata lists "u8).Append(offsetCount)
                .Append(" offsets but the model has "u8).Append(expectedTensorCount).Append(" tensors"u8);
        }
        long needed = (long)(HeaderWords + offsetCount) * WordBytes;
        if (metadata.Length < needed)
        {
            return errors.Fail(Status.MalformedModel, "OfflineMemoryAllocation metadata is "u8).Append(metadata.Length)
                .Append(" bytes; "u8).Append(offsetCount).Append(" offsets need "u8).Append(needed);
        }
        ReadOnlySpan<byte> offsets = metadata.Slice(HeaderWords * WordBytes, offsetCount * WordBytes);
        for (int i = 0; i < offsetCount; i++)
        {
            int offset = ReadWord(offsets, i);
            if (offset < MemoryPlanner.OnlinePlanned)
            {
                return errors.Fail(Status.MalformedModel, "OfflineMemoryAllocation offset of tensor "u8).Append(i)
                    .Append(" is "u8).Append(offset).Append("; must be a byte offset >= 0 or -1 (plan online)"u8);
            }
        }
        plan = new OfflinePlan(offsets, version, subgraphCount, offsetCount);
        return Status.Ok;
    }

    /// <summary>
    /// Fixed head offset of the tensor with this global index (tensors numbered across subgraphs in order),
    /// or <see cref="MemoryPlanner.OnlinePlanned"/> when it is to be planned online, the plan is empty, or the
    /// index is outside the plan.
    /// </summary>
    public int OffsetFor(int globalTensorIndex)
    {
        if ((uint)globalTensorIndex >= (uint)TensorCount) return MemoryPlanner.OnlinePlanned;
        return ReadWord(offsetBytes, globalTensorIndex);
    }

    // Byte by byte: the metadata buffer has no alignment guarantee, and this is endian-independent.
    private static int ReadWord(ReadOnlySpan<byte> bytes, int wordIndex)
    {
        int at = wordIndex * WordBytes;
        return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
    }
}
