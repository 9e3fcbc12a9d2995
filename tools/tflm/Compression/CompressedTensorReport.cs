using System.Collections.Generic;

namespace TfLiteMicro.Tools.Compression;

/// <summary>One constant tensor <c>tflm compress</c> looked at: what it did with it, or why it left it alone.</summary>
public sealed class CompressedTensorReport
{
    public required int Subgraph { get; init; }
    public required int Tensor { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<int> Shape { get; init; }

    /// <summary>True when the tensor was compressed; otherwise <see cref="SkippedReason"/> says why not.</summary>
    public required bool Compressed { get; init; }
    public string? SkippedReason { get; init; }

    /// <summary>Value tables: one, or one per quantization channel.</summary>
    public int Channels { get; init; }

    /// <summary>The channel is the tensor's last axis (channels interleave) rather than its first.</summary>
    public bool ChannelIsLastAxis { get; init; }
    public int ValuesPerChannel { get; init; }
    public int BitWidth { get; init; }

    /// <summary>The values were replaced by cluster representatives before compressing (--cluster).</summary>
    public bool Clustered { get; init; }

    /// <summary>Bytes of the tensor's data before, and of its packed indices plus value tables after.</summary>
    public int OriginalBytes { get; init; }
    public int CompressedBytes { get; init; }
}
