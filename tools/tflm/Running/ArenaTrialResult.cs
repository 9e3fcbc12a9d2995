namespace TfLiteMicro.Tools.Running;

/// <summary>Outcome of an <see cref="ArenaTrial"/>: the bytes used, or the status and message of the failure.</summary>
public sealed class ArenaTrialResult
{
    private ArenaTrialResult(int trialBytes, Status status, string? error, int usedBytes, int headBytes, int tailBytes, int requiredBytes,
        int weightsBytes = 0)
    {
        WeightsBytes = weightsBytes;
        RequiredBytes = requiredBytes;
        TrialBytes = trialBytes;
        Status = status;
        Error = error;
        UsedBytes = usedBytes;
        HeadBytes = headBytes;
        TailBytes = tailBytes;
    }

    public int TrialBytes { get; }

    public Status Status { get; }

    public bool Succeeded => Status == Status.Ok;

    /// <summary>The interpreter's message when AllocateTensors failed; null on success.</summary>
    public string? Error { get; }

    public int UsedBytes { get; }

    public int HeadBytes { get; }

    public int TailBytes { get; }

    /// <summary>The smallest arena AllocateTensors succeeds in (<see cref="MicroInterpreter.ArenaRequiredBytes"/>): what to give it.</summary>
    public int RequiredBytes { get; }

    /// <summary>Kernels' repacked weights (<see cref="MicroInterpreter.WeightsBytes"/>): in the arena unless the trial gave separate memory.</summary>
    public int WeightsBytes { get; }

    public static ArenaTrialResult Planned(int trialBytes, int usedBytes, int headBytes, int tailBytes, int requiredBytes, int weightsBytes = 0) =>
        new ArenaTrialResult(trialBytes, Status.Ok, null, usedBytes, headBytes, tailBytes, requiredBytes, weightsBytes);

    public static ArenaTrialResult Failed(int trialBytes, Status status, string error) =>
        new ArenaTrialResult(trialBytes, status, error, 0, 0, 0, 0);
}
