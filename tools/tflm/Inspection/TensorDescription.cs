using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

public sealed class TensorDescription
{
    public required int Index { get; init; }
    public required string Name { get; init; }

    /// <summary>Schema type name: "INT8", "FLOAT32".</summary>
    public required string Type { get; init; }
    public required IReadOnlyList<int> Shape { get; init; }
    public required int Buffer { get; init; }

    /// <summary>True when the tensor's data is stored in the model (weights, biases, shapes).</summary>
    public required bool IsConstant { get; init; }
    public required bool IsVariable { get; init; }
    public QuantizationDescription? Quantization { get; init; }
}
