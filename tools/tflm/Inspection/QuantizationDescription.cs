using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>Affine quantization of a tensor; per-channel tensors list every channel's scale and zero point.</summary>
public sealed class QuantizationDescription
{
    /// <summary>Number of scales: 1 for per-tensor quantization.</summary>
    public required int ChannelCount { get; init; }
    public required int QuantizedDimension { get; init; }
    public required IReadOnlyList<float> Scales { get; init; }
    public required IReadOnlyList<long> ZeroPoints { get; init; }
}
