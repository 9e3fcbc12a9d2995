using System.Collections.Generic;

namespace TfLiteMicro.Tools.Compression;

/// <summary>The output of <see cref="ModelCompressor"/>: the compressed model, the clustered uncompressed one, and the report.</summary>
public sealed class CompressionResult
{
    public required byte[] CompressedModel { get; init; }

    /// <summary>
    /// The original model with only the clustering applied (no compression): what the compressed model's outputs
    /// must equal exactly. Without --cluster it is the original model, rewritten.
    /// </summary>
    public required byte[] UncompressedModel { get; init; }
    public required int OriginalFileBytes { get; init; }
    public required IReadOnlyList<CompressedTensorReport> Tensors { get; init; }

    public int CompressedFileBytes => CompressedModel.Length;

    /// <summary>Flash saved by compressing: original file size minus compressed file size.</summary>
    public int SavedBytes => OriginalFileBytes - CompressedFileBytes;
}
