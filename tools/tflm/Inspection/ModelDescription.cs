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
    public required bool AllOperatorsSupported { get; init; }
    public required ArenaDescription Arena { get; init; }
}
