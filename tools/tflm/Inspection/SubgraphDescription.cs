using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

public sealed class SubgraphDescription
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<int> Inputs { get; init; }
    public required IReadOnlyList<int> Outputs { get; init; }

    /// <summary>Operators in execution order.</summary>
    public required IReadOnlyList<OperatorDescription> Operators { get; init; }
    public required IReadOnlyList<TensorDescription> Tensors { get; init; }
}
