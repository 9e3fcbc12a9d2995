using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>Everything <c>tflm inspect</c> reports about a model; printed as text or serialized as JSON.</summary>
public sealed class ModelDescription
{
    public required string Path { get; init; }
    public required int SizeBytes { get; init; }
    public required long SchemaVersion { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<SubgraphDescription> Subgraphs { get; init; }

    /// <summary>Distinct operators the model uses, in operator-code order, with whether a kernel is registered.</summary>
    public required IReadOnlyList<RequiredOperatorDescription> RequiredOperators { get; init; }
    /// <summary>Every operator node of every subgraph runs (registered, and its kernel's Init and Prepare accept it).</summary>
    public required bool AllOperatorsSupported { get; init; }

    /// <summary>Operator nodes that cannot run; each says why in <see cref="OperatorDescription.Status"/>.</summary>
    public required int UnsupportedOperatorCount { get; init; }

    /// <summary>Operator nodes over all subgraphs.</summary>
    public required int OperatorCount { get; init; }

    /// <summary>Set when the per-node check could not finish.</summary>
    public string? OperatorCheckError { get; init; }
    public required ArenaDescription Arena { get; init; }
}
