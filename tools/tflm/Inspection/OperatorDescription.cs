using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

public sealed class OperatorDescription
{
    public required int Index { get; init; }

    /// <summary>"FULLY_CONNECTED", or the custom code of a custom operator.</summary>
    public required string Op { get; init; }
    public required int OpcodeIndex { get; init; }

    /// <summary>Tensor indices; -1 marks an optional tensor the model leaves out.</summary>
    public required IReadOnlyList<int> Inputs { get; init; }
    public required IReadOnlyList<int> Outputs { get; init; }
}
