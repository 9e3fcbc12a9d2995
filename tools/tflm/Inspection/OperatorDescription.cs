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

    /// <summary>Whether this node runs with the resolver (Init and Prepare succeeded).</summary>
    public required bool Supported { get; init; }

    /// <summary>"supported", or exactly why not: the missing registration, or the kernel's Init/Prepare message.</summary>
    public required string Status { get; init; }
}
