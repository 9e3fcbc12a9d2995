namespace TfLiteMicro.Tools.Inspection;

/// <summary>The arena the interpreter planned for the model in a trial arena, or why it could not.</summary>
public sealed class ArenaDescription
{
    public required int TrialArenaBytes { get; init; }
    public required bool Planned { get; init; }
    public int? UsedBytes { get; init; }
    public int? HeadBytes { get; init; }
    public int? TailBytes { get; init; }

    /// <summary>The interpreter's status name and message when AllocateTensors failed.</summary>
    public string? ErrorStatus { get; init; }
    public string? Error { get; init; }
}
