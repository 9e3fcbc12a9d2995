using System.Collections.Generic;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>The arena the interpreter planned for the model in a trial arena, or why it could not.</summary>
public sealed class ArenaDescription
{
    public required int TrialArenaBytes { get; init; }
    public required bool Planned { get; init; }
    public int? UsedBytes { get; init; }
    public int? HeadBytes { get; init; }
    public int? TailBytes { get; init; }

    /// <summary>The arena to give the interpreter: the smallest in which AllocateTensors succeeds (more than used: allocation needs temporary room).</summary>
    public int? RequiredBytes { get; init; }

    /// <summary>The same trial with every kernel set of the tool (ports may need more arena than the reference kernels).</summary>
    public IReadOnlyList<KernelSetArenaDescription>? KernelSets { get; init; }

    /// <summary>The interpreter's status name and message when AllocateTensors failed.</summary>
    public string? ErrorStatus { get; init; }
    public string? Error { get; init; }
}

/// <summary>The arena one kernel set needs for the model, or why it cannot plan it.</summary>
public sealed class KernelSetArenaDescription
{
    public required string Kernels { get; init; }
    public required bool Planned { get; init; }
    public int? UsedBytes { get; init; }
    public int? RequiredBytes { get; init; }

    /// <summary>Repacked weights (part of the bytes above); 0 for sets that use the model's weights in place.</summary>
    public int? WeightsBytes { get; init; }

    /// <summary>The arena required when the repacked weights get their own memory (<c>InterpreterOptions.WeightsMemory</c>).</summary>
    public int? RequiredWithSeparateWeightsBytes { get; init; }
    public string? Error { get; init; }
}
